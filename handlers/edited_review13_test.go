package handlers_test

import (
	"strings"
	"testing"
)

// A resident rates 4★ and types "Tốt"; the comment is kept. They edit the
// message to fix it, and the bot answered "dvcbot không đọc tin nhắn đã
// sửa… xin gửi lại thành tin nhắn mới": sent again, the comment was told
// "dvcbot không đọc được tin nhắn Ông/bà gõ" and never kept — two answers
// that contradict each other, and no way shown to change the comment.
// The edit is now answered with how to change it (the stars again, then
// the new comment), which works.
func TestResidentEditingTheirCommentIsToldHowToChangeIt(t *testing.T) {
	w, _, resident, id := residentWithReminders(t, "000.00.12.H26-261123-0453")
	w.send(resident, "/start")
	w.press(resident, "4★")
	w.send(resident, "Tốt")
	if f, _ := w.followupRow(id); f.Comment.String != "Tốt" {
		t.Fatalf("the comment kept: %q", f.Comment.String)
	}

	w.bot.WaitHandled(t, resident.EditLast("Rất tốt"))
	said := drain(resident)
	if len(said) == 0 {
		t.Fatal("the edit was not answered")
	}
	if strings.Contains(said[0].Text, w.vi("error.edited")) {
		// Do as told: the same words as a new message.
		w.send(resident, "Rất tốt")
		if f, _ := w.followupRow(id); f.Comment.String != "Rất tốt" {
			t.Fatalf("the edit was answered %q; sent again as told, the comment is still %q", said[0].Text, f.Comment.String)
		}
		return
	}
	if !strings.Contains(said[0].Text, w.vi("error.edited_resident")) {
		t.Fatalf("the edit was answered %q, want how to change the comment", said[0].Text)
	}
	// As told: the stars again, then the new comment.
	w.press(resident, "✓4★")
	w.send(resident, "Rất tốt")
	if f, _ := w.followupRow(id); f.Comment.String != "Rất tốt" {
		t.Errorf("done as the answer to the edit says, the comment is %q", f.Comment.String)
	}
}

// On a slow connection a resident sends their comment, sees no answer yet
// and sends it again. The first was kept; the second was answered "dvcbot
// không đọc được tin nhắn Ông/bà gõ; xin Ông/bà dùng các nút bấm", which
// reads as if the comment was lost. The same comment again is answered as
// kept, and kept once.
func TestCommentSentTwiceIsKeptOnce(t *testing.T) {
	w, _, resident, id := residentWithReminders(t, "000.00.12.H26-261123-0454")
	w.send(resident, "/start")
	w.press(resident, "5★")
	const comment = "Hướng dẫn rất dễ hiểu"
	w.send(resident, comment)
	again := w.send(resident, comment)
	if len(again) == 0 {
		t.Fatal("the comment sent again was not answered")
	}
	if strings.Contains(again[0].Text, w.vi("followup.typed")) || !strings.Contains(again[0].Text, w.vi("followup.comment_kept")) {
		t.Errorf("the comment sent again was answered %q, want it said kept", again[0].Text)
	}
	if f, _ := w.followupRow(id); f.Comment.String != comment {
		t.Errorf("the comment kept: %q", f.Comment.String)
	}
}
