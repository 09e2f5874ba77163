package guides

import (
	"strings"
	"testing"
)

// Review 21e2: a fact reviewer read cai-chinh-ho-tich against its sources.
// Each test holds one fix (guides/README.md, "Review 21e2").

func civilCorrection(t *testing.T) *Guide {
	t.Helper()
	g, ok := shippedCatalog(t).Guide("cai-chinh-ho-tich")
	if !ok {
		t.Fatal("no guide cai-chinh-ho-tich")
	}
	return g
}

func civilCorrectionStep(t *testing.T, g *Guide, id string) *Step {
	t.Helper()
	for i := range g.Steps {
		if g.Steps[i].ID == id {
			return &g.Steps[i]
		}
	}
	t.Fatalf("cai-chinh-ho-tich has no step %s", id)
	return nil
}

func wantIn(t *testing.T, where, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s %q lacks %q", where, text, w)
		}
	}
}

func wantNotIn(t *testing.T, where, text string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(text, w) {
			t.Errorf("%s %q still says %q", where, text, w)
		}
	}
}

// 1. Consent covers the given name too (Civil Code Art. 28(2)), and
// re-determining the ethnicity of someone aged 15 to 17 (Art. 29(4)).
func TestCivilCorrectionConsentNamesGivenNamesAndEthnicity(t *testing.T) {
	g := civilCorrection(t)
	s := civilCorrectionStep(t, g, "can-khong")
	wantIn(t, "can-khong (vi)", s.Text.Vi, "Đổi họ, chữ đệm hay tên cho người từ đủ 9 tuổi phải có người đó đồng ý", "xác định lại dân tộc cho người từ đủ 15 đến dưới 18 tuổi")
	wantIn(t, "can-khong (en)", s.Text.En, "family, middle or given name of someone aged 9 or over needs their consent", "ethnicity of someone aged 15 to 17")
	e, ok := civilCorrectionStep(t, g, "to-khai").Problem("dong-y")
	if !ok {
		t.Fatal("to-khai has no error dong-y")
	}
	if e.Label.Vi != "Đổi họ, tên cho con từ 9 tuổi" || e.Label.En != "New name for a child of 9+" {
		t.Errorf("dong-y label %q / %q", e.Label.Vi, e.Label.En)
	}
	wantIn(t, "dong-y fix (vi)", e.Fix.Vi, "chữ đệm hay tên", "Điều 27, 28, 29")
	wantIn(t, "dong-y fix (en)", e.Fix.En, "given name", "Art. 27, 28, 29")
	wantNotIn(t, "notes", g.Notes, "whether a given-name change")
}

// 2. Circular 04/2020 Art. 18(3): a birth registered before 2016 without
// day and month of birth may have them added from the birth notice.
func TestCivilCorrectionSupplementsPre2016DateOfBirth(t *testing.T) {
	s := civilCorrectionStep(t, civilCorrection(t), "can-khong")
	wantIn(t, "can-khong (vi)", s.Text.Vi, "khai sinh trước 2016 thiếu ngày, tháng sinh cũng được bổ sung theo giấy chứng sinh")
	wantIn(t, "can-khong (en)", s.Text.En, "before 2016 without the day and month of birth", "birth notice (giấy chứng sinh)")
}

// 3. The 3 working days cover re-determining ethnicity too.
func TestCivilCorrectionTimeLimitNamesEthnicity(t *testing.T) {
	g := civilCorrection(t)
	k := civilCorrectionStep(t, g, "ky-nhan")
	for where, text := range map[string]string{"processing (vi)": g.Processing.Vi, "ky-nhan (vi)": k.Text.Vi} {
		if !strings.HasPrefix(text, "Thay đổi, cải chính, xác định lại dân tộc – 3 ngày làm việc") {
			t.Errorf("%s %q", where, text)
		}
	}
	for where, text := range map[string]string{"processing (en)": g.Processing.En, "ky-nhan (en)": k.Text.En} {
		if !strings.HasPrefix(text, "Change, correction or re-determining ethnicity – 3 working days") {
			t.Errorf("%s %q", where, text)
		}
	}
}

// 4. No opened page says the People's Council sets this fee: the fee text
// names neither it nor Circular 85/2019; unconfirmed.fee keeps the lead,
// and the exemptions are a lead in notes only.
func TestCivilCorrectionFeeNamesNoCouncil(t *testing.T) {
	g := civilCorrection(t)
	wantNotIn(t, "fee (vi)", g.Fee.Vi, "Hội đồng nhân dân", "HĐND", "85/2019")
	wantNotIn(t, "fee (en)", g.Fee.En, "People's Council", "85/2019")
	wantIn(t, "fee (vi)", g.Fee.Vi, "Lệ phí theo mức của tỉnh/thành phố", `"Phí, lệ phí"`)
	wantIn(t, "fee (en)", g.Fee.En, "province's or city's rate", `"Phí, lệ phí"`)
	wantIn(t, "unconfirmed.fee", g.Unconfirmed["fee"], "HĐND", "85/2019")
	wantIn(t, "notes", g.Notes, "kinhtedothi", "people with disabilities")
	for _, lang := range []string{"vi", "en"} {
		for _, s := range g.Steps {
			wantNotIn(t, "step "+s.ID+" ("+lang+")", s.Text.In(lang)+s.Tip.In(lang), "hộ nghèo", "poor household")
		}
	}
}

// 5. The English nop-thay fix read as if filing *for* a grandparent
// needed no notarisation: it is the filer who is the relative.
func TestCivilCorrectionRelativeFilerReadsRight(t *testing.T) {
	e, ok := civilCorrectionStep(t, civilCorrection(t), "to-khai").Problem("nop-thay")
	if !ok {
		t.Fatal("to-khai has no error nop-thay")
	}
	wantIn(t, "nop-thay fix (en)", e.Fix.En, "If the filer is the person's grandparent, parent, child, spouse or sibling, the authorisation needs no notarisation")
	wantNotIn(t, "nop-thay fix (en)", e.Fix.En, "For a grandparent")
}

// 6. The change is written on the birth or marriage certificate only when
// the change concerns it; which originals to bring is asked of the officer
// (no listed source says which).
func TestCivilCorrectionCertificateLineIsConditional(t *testing.T) {
	k := civilCorrectionStep(t, civilCorrection(t), "ky-nhan")
	wantIn(t, "ky-nhan (vi)", k.Text.Vi, "Nếu việc sửa liên quan đến giấy khai sinh, giấy chứng nhận kết hôn, cán bộ ghi nội dung sửa vào giấy đó.", "hỏi trước cán bộ cần mang bản chính giấy tờ nào")
	wantNotIn(t, "ky-nhan (vi)", k.Text.Vi, "Nội dung sửa được ghi vào", "bản chính các giấy tờ đã tải lên")
	wantIn(t, "ky-nhan (en)", k.Text.En, "If it concerns the birth or marriage certificate, the officer writes the change on it.", "ask the officer beforehand which originals to bring")
	wantNotIn(t, "ky-nhan (en)", k.Text.En, "the papers uploaded", "The change is written on")
}

// 7. Decree 18/2026/NĐ-CP (Lao Động …-1641848): the officer looks the ID
// card up; the card is asked for when that fails.
func TestCivilCorrectionBringsTheIDCard(t *testing.T) {
	k := civilCorrectionStep(t, civilCorrection(t), "ky-nhan")
	wantIn(t, "ky-nhan (vi)", k.Text.Vi, "Mang theo thẻ căn cước phòng khi cán bộ không tra được thông tin.")
	wantIn(t, "ky-nhan (en)", k.Text.En, "Bring the ID card in case the officer cannot look the details up.")
	wantIn(t, "ky-nhan unconfirmed", k.Unconfirmed, "1641848", "18/2026")
}

// 8. A law firm's blog is no longer a source: PLO reports Decree 87/2020
// Art. 12(4) (these results are collected only at the registration office).
func TestCivilCorrectionSourcesPressNotBlog(t *testing.T) {
	g := civilCorrection(t)
	if len(g.Sources) > 8 {
		t.Errorf("%d sources, at most 8", len(g.Sources))
	}
	plo := false
	for _, s := range g.Sources {
		if strings.Contains(s.URL, "blogspot") {
			t.Errorf("source %s is a blog", s.URL)
		}
		if s.URL == "https://plo.vn/ban-doc/tu-159-ngoi-o-nha-van-nhan-ket-qua-dang-ky-ho-tich-931672.html" {
			plo = true
		}
	}
	if !plo {
		t.Error("no PLO source for Decree 87/2020 Art. 12(4)")
	}
	k := civilCorrectionStep(t, g, "ky-nhan")
	wantIn(t, "ky-nhan unconfirmed", k.Unconfirmed, "PLO", "no longer listed")
	wantNotIn(t, "notes", g.Notes, "blogspot summary of 2020-08")
}
