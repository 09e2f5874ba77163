package pgserver

import (
	"os"
	"syscall"
)

// sysProcAttr runs the command as who, and has the kernel send postgres a
// fast-shutdown signal when the process that started it dies, so a crashed
// test binary does not leave a server running forever. (Go sets the
// parent-death signal after switching user, so the switch does not clear it.)
func sysProcAttr(who runAs) *syscall.SysProcAttr {
	attr := &syscall.SysProcAttr{Pdeathsig: shutdownSignal, Setpgid: true}
	if who.switched {
		attr.Credential = &syscall.Credential{Uid: who.uid, Gid: who.gid}
	}
	return attr
}

// memoryDir is /dev/shm when it is a tmpfs with room for a cluster and a few
// dozen test databases; PGSERVER_NO_SHM=1 keeps the cluster on disk.
func memoryDir() string {
	const dir, room = "/dev/shm", 1 << 30
	if os.Getenv("PGSERVER_NO_SHM") == "1" {
		return ""
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return ""
	}
	const tmpfsMagic = 0x01021994
	if st.Type != tmpfsMagic || st.Bavail*uint64(st.Bsize) < room {
		return ""
	}
	return dir
}
