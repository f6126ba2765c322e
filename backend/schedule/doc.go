// Package schedule turns an automation's Schedule into slots: the instants
// it runs at. It builds on robfig/cron for cron expressions and lnquy/cron
// for their descriptions, and imports nothing of AffDesk but core.
//
// Slots follow wall-clock time in the schedule's timezone, and each wall
// time runs exactly once, whatever daylight saving time does:
//
//   - The expression is evaluated on wall-clock time (fields in UTC, which
//     has no daylight saving time), then each wall time is mapped to a real
//     instant in the schedule's zone.
//   - A wall time inside a spring-forward gap (02:30 on a day New York skips
//     02:00-03:00) runs once, at the first instant after the gap (03:00
//     local). Several wall times of one gap (every 15 minutes) share that
//     one slot.
//   - A wall time that happens twice on a fall-back day (01:30) runs once,
//     at its first occurrence; its second occurrence is no slot.
//   - A monthly schedule on a day the month lacks (31 in April, 30 in
//     February) runs on that month's last day.
//
// A slot is identified by its instant (Unix seconds), so a slot is the same
// slot across restarts, edits that keep it, and machines.
package schedule
