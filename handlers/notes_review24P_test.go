package handlers_test

import (
	"testing"
	"time"
)

// Review 24P: a problem note with an appointment's date ("hẹn trả kết quả
// 15/12/2026") was refused as a birth date, and one naming a relative in
// English ("her son Tom") or a person after a hamlet's word ("ấp Nguyễn
// Văn Tâm") was kept. The appointment is kept word for word; a birth
// date, the relative and the person are refused, nothing kept.
func TestReview24PAppointmentNoteKeptRelativeRefused(t *testing.T) {
	day := time.Now().In(time.FixedZone("ICT", 7*60*60)).AddDate(0, 0, 13).Format("02/01/2006")
	notesRefusedThenKept(t, []noteRefusal{
		{"her son Tom needs a passport", "case.note_name"},
		{"chủ nhà ở ấp Nguyễn Văn Tâm chưa xác nhận", "case.note_name"},
		{"con Mén chưa có giấy chứng sinh", "case.note_name"},
		{"sinh ngày 15/12/1990, quên mật khẩu", "case.note_date"},
		{"CCCD hết hạn 15/12/2030", "case.note_date"},
	}, "chủ nhà chưa xác nhận, hẹn trả kết quả "+day)
}
