//go:build unix && !linux

package pgserver

import "syscall"

// sysProcAttr runs the command as who. Outside Linux there is no cheap
// parent-death signal: a server whose parent crashed keeps running; stop it
// by hand (its pid is the first line of data/postmaster.pid in its directory).
func sysProcAttr(who runAs) *syscall.SysProcAttr {
	attr := &syscall.SysProcAttr{Setpgid: true}
	if who.switched {
		attr.Credential = &syscall.Credential{Uid: who.uid, Gid: who.gid}
	}
	return attr
}

// memoryDir: no well-known memory file system outside Linux.
func memoryDir() string { return "" }
