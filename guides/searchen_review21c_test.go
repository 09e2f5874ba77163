package guides

import "testing"

// TestSearchReadsEnglishAsVolunteersTypeIt: English is the bot's second
// language, and a volunteer types it as a question — "cost of passport",
// "renew my passport", "how long does it take to get a passport", "i want
// to register a birth" — not as a guide's name. The words around the
// procedure name none and found nothing: "of", "my", "get", "i want to",
// "how do i", "for an". They are fillers now, as "cho", "làm", "thủ tục"
// are in Vietnamese. The English words that are also Vietnamese syllables
// without diacritics ("to" tờ, "an" ăn, "the" thẻ, "do" độ, "my" mỹ, "it"
// ít) are dropped only from an English query.
func TestSearchReadsEnglishAsVolunteersTypeIt(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"cost of passport", "ho-chieu"},
		{"passport cost", "ho-chieu"},
		{"how much is a passport", "ho-chieu"},
		{"passport fee", "ho-chieu"},
		{"what is the fee for a passport", "ho-chieu"},
		{"how much does it cost to get a passport", "ho-chieu"},
		{"renew my passport", "ho-chieu"},
		{"renew passport", "ho-chieu"},
		{"passport renewal", "ho-chieu"},
		{"get a passport", "ho-chieu"},
		{"i need a passport", "ho-chieu"},
		{"I'd like to apply for a passport", "ho-chieu"},
		{"how long does it take to get a passport", "ho-chieu"},
		{"how long for an ID card", "the-can-cuoc"},
		{"how long does the id card take", "the-can-cuoc"},
		{"renew my id card", "the-can-cuoc"},
		{"how to renew the ID card", "the-can-cuoc"},
		{"i want to register a birth", "khai-sinh"},
		{"how do I register my baby's birth", "khai-sinh"},
		{"register my son's birth", "khai-sinh"},
		{"register a death", "khai-tu"},
		{"i want to register my father's death", "khai-tu"},
		{"help me register a marriage", "ket-hon"},
		{"i want to get married", "ket-hon"},
		{"how do i pay a traffic fine", "nop-phat"},
		{"how to get a judicial record certificate", "ly-lich-tu-phap"},
		{"how do i reset my vneid password", "vneid-mat-khau"},
		{"i forgot my vneid password", "vneid-mat-khau"},
		{"register my temporary residence", "tam-tru"},
		{"how much to renew the driving licence", "doi-gplx"},
		{"i want to open a bank account", "tai-khoan-thanh-toan"},
		{"apply for unemployment benefit", "tro-cap-that-nghiep"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
	// Vietnamese typed without diacritics keeps those syllables: they are
	// words of the guides' names ("tiền án", "giấy tờ", "thẻ", "chế độ").
	for _, tt := range []struct{ query, want string }{
		{"xac nhan khong tien an", "ly-lich-tu-phap"},
		{"giay khong tien an cho con", "ly-lich-tu-phap"},
		{"tich hop giay to cho me", "tich-hop-giay-to"},
		{"lam the bhyt cho me", "bhyt-ho-gia-dinh"},
		{"che do tu tuat cho ba", "khai-tu"},
		{"mo quan an", "dang-ky-ho-kinh-doanh"},
		{"lam the can cuoc cho con", "the-can-cuoc"},
		{"get married", "ket-hon"},
		{"mat khau vneid cho me", "vneid-mat-khau"},
		{"muc do 4 khai sinh cho con", "khai-sinh"},
		{"the can cuoc mat bao lau", "the-can-cuoc"},
		{"doi the can cuoc can giay to gi", "the-can-cuoc"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first as before", tt.query, got, tt.want)
		}
	}
	for _, q := range []string{"bán mì", "ban mi", "the tin dung"} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing as before", q, got)
		}
	}
}

// TestSearchFindsNothingForAFeeAskedOfNoProcedure: "phí dịch vụ" (the
// service fee) asks what something costs without saying what: its "dịch
// vụ" found every procedure by its "dịch vụ công toàn trình" name, 21
// guides listed. A fee or time question that names no procedure finds
// nothing, in both languages, and the volunteer is told to name one; a
// fee's own name ("lệ phí", "fee", "phí") still finds paying fees.
func TestSearchFindsNothingForAFeeAskedOfNoProcedure(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"phí dịch vụ", "phi dich vu", "lệ phí dịch vụ", "phí dịch vụ bao nhiêu", "dịch vụ bao nhiêu tiền",
		"dịch vụ mất bao lâu", "service fee", "how much is the fee", "how long does it take",
		"how much does it cost", "what is the fee", "fee how much",
	} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
	for _, tt := range []struct{ query, want string }{
		{"lệ phí", "thanh-toan"},
		{"fee", "thanh-toan"},
		{"fees", "thanh-toan"},
		{"phí dịch vụ hộ chiếu", "ho-chieu"},
		{"dịch vụ công", "dang-nhap-vneid"},
		{"dịch vụ công toàn trình", "khai-sinh"},
		{"public service portal", "dang-nhap-vneid"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// TestSearchFindsPayingFeesForPayFeesOnline: "pay fees online" is the
// paying-fees guide's own title; asked as "how to pay fees online" or "pay
// the fee online", the fee word was dropped as a question's and "pay
// online" found "Pay a traffic fine online" first. A fee's word that is a
// word of a guide's name is searched with the words around it first; a
// fee asked of a procedure still finds the procedure ("lệ phí hộ chiếu").
// A query of fillers only that speaks of paying a fee ("cách nộp lệ phí
// online", found nothing) is searched with its fee's words.
func TestSearchFindsPayingFeesForPayFeesOnline(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"how to pay fees online", "thanh-toan"},
		{"pay the fee online", "thanh-toan"},
		{"i want to pay the fees online", "thanh-toan"},
		{"how do i pay a fee", "thanh-toan"},
		{"nộp lệ phí trực tuyến", "thanh-toan"},
		{"cách nộp lệ phí online", "thanh-toan"},
		{"lệ phí hồ sơ", "thanh-toan"},
		{"lệ phí hộ chiếu", "ho-chieu"},
		{"passport fee", "ho-chieu"},
		{"pay a traffic fine online", "nop-phat"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// TestAsksOfNoProcedure: what Search finds nothing for because it asks a
// fee or a time of no procedure is told from what finds nothing otherwise,
// so that the bot can ask which procedure is meant.
func TestAsksOfNoProcedure(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"phí dịch vụ", "bao nhiêu tiền", "mất bao lâu", "how much", "how much is the fee", "service fee", "phí thủ tục", "cần giấy tờ gì", "what documents"} {
		if !c.AsksOfNoProcedure(q) {
			t.Errorf("AsksOfNoProcedure(%q) = false, want true", q)
		}
	}
	for _, q := range []string{"bán mì", "lệ phí", "fee", "lệ phí hộ chiếu", "how much is a passport", "tách hộ", "nộp thuế bao nhiêu", "thủ tục", "kết quả"} {
		if c.AsksOfNoProcedure(q) {
			t.Errorf("AsksOfNoProcedure(%q) = true, want false", q)
		}
	}
}

// TestSearchFindsTheEnglishNamesVolunteersUse: the everyday English for a
// procedure whose title says it otherwise — "replace" or "change" an ID
// card or a driving licence (titled "exchange or reissue", "renewal/
// exchange"), a "criminal record check", a "lost birth certificate" (a
// copy of the civil-status extract) — found nothing. They are aliases of
// those guides now.
func TestSearchFindsTheEnglishNamesVolunteersUse(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"replace id card", "the-can-cuoc"},
		{"replace my ID card", "the-can-cuoc"},
		{"id card replacement", "the-can-cuoc"},
		{"change id card", "the-can-cuoc"},
		{"replace my driving licence", "doi-gplx"},
		{"how to change driving license", "doi-gplx"},
		{"criminal record check", "ly-lich-tu-phap"},
		{"police check", "ly-lich-tu-phap"},
		{"lost birth certificate", "trich-luc-ho-tich"},
		{"i lost my marriage certificate", "trich-luc-ho-tich"},
		{"replace a birth certificate", "trich-luc-ho-tich"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// TestSearchFindsAProcedureAskedForItsPapers: "what documents do i need
// for a passport", "passport requirements", "hộ chiếu cần giấy tờ gì" ask
// what the guide's steps say; they found nothing, or the VNeID wallet's
// guide ("Add documents to the VNeID wallet", "tích hợp giấy tờ") for its
// "documents", "giấy tờ". Those questions are fillers, as a fee's are; so
// are "free", "ready", "can't", "into".
func TestSearchFindsAProcedureAskedForItsPapers(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"what documents do i need for a passport", "ho-chieu"},
		{"what documents for marriage registration", "ket-hon"},
		{"documents for marriage registration", "ket-hon"},
		{"papers for a passport", "ho-chieu"},
		{"what papers are needed for birth registration", "khai-sinh"},
		{"passport requirements", "ho-chieu"},
		{"requirements for passport", "ho-chieu"},
		{"hộ chiếu cần giấy tờ gì", "ho-chieu"},
		{"ho chieu can giay to gi", "ho-chieu"},
		{"làm hộ chiếu cần những gì", "ho-chieu"},
		{"khai sinh cần giấy tờ gì", "khai-sinh"},
		{"kết hôn cần chuẩn bị gì", "ket-hon"},
		{"is birth registration free", "khai-sinh"},
		{"when will my id card be ready", "the-can-cuoc"},
		{"i can't log in to vneid", "dang-nhap-vneid"},
		{"how to log into dichvucong", "dang-nhap-vneid"},
		// The papers' own guide keeps its words.
		{"tích hợp giấy tờ", "tich-hop-giay-to"},
		{"add documents to vneid", "tich-hop-giay-to"},
		{"giấy tờ", "tich-hop-giay-to"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
	for _, q := range []string{"is it free", "what documents", "cần giấy tờ gì"} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
}

// TestSearchFindsMoreEverydayEnglish: the rest of the English a volunteer
// tried that found nothing — a "speeding ticket", someone who "passed
// away", an "unemployment allowance", an "electronic wallet", a "notarized
// copy", a "digital signature registration", to "open a shop", to "change
// the VNeID password" or a "locked" account.
func TestSearchFindsMoreEverydayEnglish(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"how to pay a speeding ticket", "nop-phat"},
		{"speeding fine", "nop-phat"},
		{"traffic ticket", "nop-phat"},
		{"my mother passed away", "khai-tu"},
		{"unemployment allowance", "tro-cap-that-nghiep"},
		{"electronic wallet", "tai-khoan-thanh-toan"},
		{"notarized copy", "chung-thuc"},
		{"certify documents online", "chung-thuc"},
		{"digital signature registration", "chu-ky-so"},
		{"i want to open a shop", "dang-ky-ho-kinh-doanh"},
		{"change vneid password", "vneid-mat-khau"},
		{"my vneid is locked", "vneid-mat-khau"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}
