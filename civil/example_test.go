package civil_test

import (
	"fmt"
	"time"

	"github.com/hifazat/hifazat/civil"
)

func ExampleParse() {
	d, err := civil.Parse("2026-03-02")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d, d.Weekday())
	_, err = civil.Parse("2026-02-30")
	fmt.Println(err)
	// Output:
	// 2026-03-02 Monday
	// civil: invalid date "2026-02-30": day out of range for February 2026 (want YYYY-MM-DD, a real calendar date from 0001-01-01 to 9999-12-31)
}

func ExampleDate_AddMonths() {
	// The Code must be displayed within six months (s.11(2)); a month that is
	// too short ends the period on its last day.
	fmt.Println(civil.MustParse("2025-08-31").AddMonths(6))
	fmt.Println(civil.MustParse("2023-08-31").AddMonths(6))
	// Output:
	// 2026-02-28
	// 2024-02-29
}

func ExampleFromTime() {
	// 22:00 UTC on 1 March is 03:00 on 2 March in Karachi.
	t := time.Date(2026, time.March, 1, 22, 0, 0, 0, time.UTC)
	fmt.Println(civil.FromTime(t))
	// Output: 2026-03-02
}

func ExampleOf() {
	d, err := civil.Of(2024, time.February, 29)
	fmt.Println(d, err)
	_, err = civil.Of(2023, time.February, 29)
	fmt.Println(err)
	// Output:
	// 2024-02-29 <nil>
	// civil: invalid date "2023-02-29": day out of range for February 2023 (want YYYY-MM-DD, a real calendar date from 0001-01-01 to 9999-12-31)
}

func ExampleDate_AddDays() {
	// "Within 3 days of receipt" on 2 March: the trigger day is excluded,
	// so the period ends on 5 March.
	received := civil.MustParse("2026-03-02")
	last := received.AddDays(3)
	fmt.Println(last, last.Weekday(), last.Sub(received))
	// Output: 2026-03-05 Thursday 3
}
