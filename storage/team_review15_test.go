package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A search typed in /team names a commune by its name before the July 2025
// merger: that name whole, diacritics or not, its kind typed or not, then
// maybe words of its old district and province to tell apart the many
// "Phường 12"; a part of the name, or another district, does not.
func TestMatchesOldName(t *testing.T) {
	const goVap12 = "Phường 12, Quận Gò Vấp, Thành phố Hồ Chí Minh"
	const nhonPhu = "Phường Nhơn Phú, Thành phố Quy Nhơn, Tỉnh Bình Định"
	const thiTran = "Thị trấn Phú Phong, Huyện Tây Sơn, Tỉnh Bình Định"
	for _, c := range []struct {
		search, label string
		want          bool
	}{
		{"phuong 12 go vap", goVap12, true},
		{"Phường 12, Gò Vấp", goVap12, true},
		{"p12 go vap", goVap12, true},
		{"12 go v", goVap12, true},
		{"phuong 12 tp hcm", goVap12, true},
		{"phuong 12", goVap12, true},
		{"phuong 1", goVap12, false}, // Phường 1 is another
		{"phuong 12 quan 1", goVap12, false},
		{"phuong 12 go vap tuan", goVap12, false},
		{"phuong", goVap12, false},
		{"nhon phu", nhonPhu, true},
		{"Phường Nhơn Phú", nhonPhu, true},
		{"xa nhon phu", nhonPhu, true}, // the kind mistaken: still the name
		{"nhon phu quy nhon", nhonPhu, true},
		{"NHƠN PHÚ BÌNH ĐỊNH", nhonPhu, true},
		{"nhon", nhonPhu, false}, // a part of the name
		{"phu", nhonPhu, false},
		{"nhon phu gia lai", nhonPhu, false},
		{"phu phong", thiTran, true},
		{"thi tran phu phong", thiTran, true},
		{"tt phu phong tay son", thiTran, true},
	} {
		if got := storage.MatchesOldName(c.search, c.label); got != c.want {
			t.Errorf("MatchesOldName(%q, %q) = %v, want %v", c.search, c.label, got, c.want)
		}
	}
}

// A commune's kind ("Phường", "Xã", "Thị trấn") is found only typed whole:
// "nhon phu" (Phường Nhơn Phú, now of Quy Nhơn Bắc) is not the members of
// Phường Quy Nhơn by "Nhơn" and the beginning of "Phường".
func TestMatchesMemberKindWhole(t *testing.T) {
	for _, c := range []struct {
		search, name, commune string
		want                  bool
	}{
		{"nhon phu", "Lan", "Phường Quy Nhơn", false},
		{"phuong quy nhon", "Lan", "Phường Quy Nhơn", true},
		{"quy ph", "Lan", "Phường Quy Nhơn", false},
		{"thi tran", "Lan", "Thị trấn Phú Phong", false}, // kinds only: every member of one (review 27I)
		{"thi tran phu", "Lan", "Thị trấn Phú Phong", true},
		{"phu", "Lan", "Xã Phú Phong", true},
		{"phu", "Phúc", "Phường Quy Nhơn", true}, // a name still begins
	} {
		if got := storage.MatchesMember(c.search, c.name, c.commune); got != c.want {
			t.Errorf("MatchesMember(%q, %q, %q) = %v, want %v", c.search, c.name, c.commune, got, c.want)
		}
	}
}

// An old name many communes had ("Phường 12": ten in Thành phố Hồ Chí
// Minh) lists first those where the team has members, whose line the
// answer shows (three at most), then the others by the commune's name; a
// search by it finds their members, and a commune's search only its own.
func TestOldNamesNamedMembersFirst(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	const nhieuLoc, phuLam = "27142", "27349" // Phường 12 of Quận 3, of Quận 6
	inTx(t, st, func(tx *storage.Tx) error {
		for i, c := range []string{phuLam, nhieuLoc} {
			if err := tx.SetMembership(ctx, int64(i+1), "Lan", c, storage.RoleVolunteer); err != nil {
				return err
			}
		}
		return nil
	})
	inTx(t, st, func(tx *storage.Tx) error {
		olds, err := tx.OldNamesNamed(ctx, provinceHCMC, "", "phường 12")
		if err != nil {
			return err
		}
		var got []string
		for _, o := range olds {
			got = append(got, o.CommuneName)
		}
		if len(olds) != 10 || got[0] != "Phường Nhiêu Lộc" || got[1] != "Phường Phú Lâm" || got[2] != "Phường An Hội Tây" ||
			olds[0].Label != "Phường 12, Quận 3, Thành phố Hồ Chí Minh" || olds[0].CommuneCode != nhieuLoc {
			t.Errorf("the old names of “phường 12”: %+v", olds)
		}
		ms, total, err := tx.TeamMembers(ctx, provinceHCMC, "", "phường 12", time.Now(), time.Now(), 0, 10)
		if err != nil || total != 2 || len(ms) != 2 {
			t.Errorf("members found by “phường 12”: %d %+v (%v)", total, ms, err)
		}
		olds, err = tx.OldNamesNamed(ctx, provinceHCMC, nhieuLoc, "p12")
		if err != nil || len(olds) != 1 || olds[0].CommuneCode != nhieuLoc {
			t.Errorf("the old names of “p12” in Nhiêu Lộc: %+v (%v)", olds, err)
		}
		return nil
	})
}

// A search that names an old commune finds, besides that commune's
// members, those its words find as before: "an phu thu duc" is Phường An
// Phú of Thủ Đức (now of Phường Bình Trưng); "an phu" still finds the
// members of Phường An Phú Đông. Since review 27I "an phu" alone is the
// current Phường An Phú (of old Thuận An), not also the old one of Thủ
// Đức: a current name names no old one.
func TestOldNameSearchKeepsTheMembersFoundByName(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	const anPhuDong, binhTrung = "26767", "27097"
	inTx(t, st, func(tx *storage.Tx) error {
		if err := tx.SetMembership(ctx, 1, "Lan", anPhuDong, storage.RoleVolunteer); err != nil {
			return err
		}
		return tx.SetMembership(ctx, 2, "Mai", binhTrung, storage.RoleVolunteer)
	})
	inTx(t, st, func(tx *storage.Tx) error {
		ms, total, err := tx.TeamMembers(ctx, provinceHCMC, "", "an phu", time.Now(), time.Now(), 0, 10)
		if err != nil || total != 1 || len(ms) != 1 || ms[0].FirstName != "Lan" {
			t.Errorf("members found by “an phu”: %d %+v (%v)", total, ms, err)
		}
		ms, total, err = tx.TeamMembers(ctx, provinceHCMC, "", "an phu thu duc", time.Now(), time.Now(), 0, 10)
		if err != nil || total != 1 || len(ms) != 1 || ms[0].FirstName != "Mai" {
			t.Errorf("members found by “an phu thu duc”: %d %+v (%v)", total, ms, err)
		}
		return nil
	})
}
