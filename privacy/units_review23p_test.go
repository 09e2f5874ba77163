package privacy

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage/units"
)

// Review 23p: a unit's name after its kind ("làm tại Xã Trần Phú",
// "Công an Phường Hoàng Văn Thụ", "Xã Đường Hoa") was refused as a
// person's name or a street: 414 of 9,963 notes over the 3,321 communes,
// 2,928 of 67,000 over the old wards' and districts' names too. Many
// communes and wards are named after people. A case's place is no resident's identity
// (domain.md): a commune's, an old ward's or an old district's name
// after its kind is kept.
func TestReview23pCommuneNamesAreNoNames(t *testing.T) {
	seen := map[string]bool{}
	read := func(file string, col int) []string {
		f, err := units.Files.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range rows[1:] {
			if r[col] != "" && !seen[r[col]] {
				seen[r[col]] = true
				names = append(names, r[col])
			}
		}
		return names
	}
	names := append(read("communes.csv", 2), read("ward_mappings.csv", 1)...)
	names = append(names, read("ward_mappings.csv", 2)...)
	if len(names) < 8000 {
		t.Fatalf("read only %d units' names", len(names))
	}
	refused := 0
	for _, name := range names {
		kind, rest, _ := strings.Cut(name, " ")
		for _, text := range []string{"Công an " + strings.ToLower(kind) + " " + rest + " yêu cầu bổ sung", "người dân ở " + name + " cũ"} {
			if p := NoteProblem(text); p != "" {
				if refused++; refused <= 20 {
					t.Errorf("NoteProblem(%q) = %q", text, p)
				}
			}
		}
	}
	if refused > 0 {
		t.Errorf("%d notes naming a unit refused", refused)
	}
	checkReview22p(t, []review22p{
		{text: "cán bộ xã Trần Phú hướng dẫn", rest: "="},
		{text: "xa Tran Phu chua co may quet", rest: "="},
		{text: "Xã Đường Hoa mất mạng", rest: "="},
		// Still names, still addresses.
		{text: "chị Lan ở xã Trần Phú", want: "name", name: true, rest: "ở xã Trần Phú"},
		{text: "xã Trần Phú, bà Nguyễn Thị Mai", want: "name", name: true, rest: "xã Trần Phú,"},
		{text: "cán bộ xã tên Hùng", want: "name", name: true, rest: "cán bộ xã"},
		{text: "ở 45 Trần Phú, xã Trần Phú", want: "address", addr: true, name: true},
		{text: "ông Trần Phú ở xã Hòa Bình", want: "name", name: true},
	})
}

// Review 23p: a school's, a hospital's or a market's name after its word
// ("trường Lê Quý Đôn", "Bệnh viện Lê Văn Thịnh", "trường THPT Nguyễn
// Du") is a place's, written capitalised; "mai anh" in small letters is
// "tomorrow he", not one called Mai Anh.
func TestReview23pInstitutionsNamedAfterPeople(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "trường Lê Quý Đôn cần giấy xác nhận cư trú", rest: "="},
		{text: "trường THPT Nguyễn Văn Cừ yêu cầu bổ sung", rest: "="},
		{text: "Trường Tiểu học Lê Văn Tám xin xác nhận cư trú", rest: "="},
		{text: "bệnh viện Lê Văn Thịnh cấp giấy chứng sinh", rest: "="},
		{text: "khám ở Bệnh viện Nguyễn Tri Phương", rest: "="},
		{text: "BV Phạm Ngọc Thạch chưa trả giấy", rest: "="},
		{text: "mai anh ấy quay lại", rest: "="},
		{text: "mai anh quay lại nộp bản gốc nhé", rest: "="},
		// Still names.
		{text: "trường hợp của bà Nguyễn Thị Mai", want: "name", name: true},
		{text: "hiệu trưởng Lê Văn Hùng ký xác nhận", want: "name", name: true},
		{text: "bệnh viện, chị Lê Thị Hoa", want: "name", name: true},
		{text: "Mai Anh quên mật khẩu", want: "name", name: true},
		{text: "chị Mai Anh quên mật khẩu", want: "name", name: true},
	})
}

// Review 23p: in English a unit's name goes before its kind ("Tran Phu
// ward", "Hai Ba Trung district"): a place's, not a person's.
func TestReview23pEnglishUnitNames(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "Tran Phu ward police asked for originals", rest: "="},
		{text: "Hai Ba Trung district office", rest: "="},
		{text: "helped at Nguyen Hue commune", rest: "="},
		// Still names.
		{text: "Tran Van Hung at Tran Phu ward", want: "name", name: true},
		{text: "Nguyen Van Nam ward office", want: "name", name: true},
	})
}

// Review 23p: "ông xã", "bà xã" are a husband and a wife, not a commune:
// the name after them is a person's.
func TestReview23pOngXaIsAHusband(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "ông xã Nguyễn Huệ đi làm xa", want: "name", name: true},
		{text: "bà xã Lê Lợi chưa có CCCD", want: "name", name: true},
		{text: "ong xa Tran Phu quen mat khau", want: "name", name: true},
		{text: "cán bộ xã Nguyễn Huệ hướng dẫn", rest: "="},
	})
}
