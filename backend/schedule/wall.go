package schedule

import "time"

// wallClock returns t's wall-clock fields in loc, as a UTC time.
func wallClock(t time.Time, loc *time.Location) time.Time {
	w := t.In(loc)
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), time.UTC)
}

// instant maps a wall-clock time (fields in UTC) to the real instant in
// loc by the package's rule: the first occurrence of a repeated wall time,
// or the first instant after a gap that swallows it.
func instant(wall time.Time, loc *time.Location) time.Time {
	u := wall.Unix()
	_, before := time.Unix(u-86400, 0).In(loc).Zone()
	_, after := time.Unix(u+86400, 0).In(loc).Zone()
	var best time.Time
	for _, off := range []int{before, after} {
		t := time.Unix(u-int64(off), int64(wall.Nanosecond())).In(loc)
		if sameWall(t, wall) && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	if !best.IsZero() {
		return best
	}
	return afterGap(u, before, after, loc)
}

// afterGap returns the first instant after the gap holding the wall time
// u (seconds, wall fields as UTC): the end of the zone period in force
// just before the gap.
func afterGap(u int64, before, after int, loc *time.Location) time.Time {
	early := time.Unix(u-int64(max(before, after)), 0).In(loc)
	if _, end := early.ZoneBounds(); !end.IsZero() {
		return end.In(loc)
	}
	return time.Unix(u-int64(before), 0).In(loc)
}

func sameWall(t, wall time.Time) bool {
	y, m, d := t.Date()
	wy, wm, wd := wall.Date()
	return y == wy && m == wm && d == wd && t.Hour() == wall.Hour() &&
		t.Minute() == wall.Minute() && t.Second() == wall.Second()
}
