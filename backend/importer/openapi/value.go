package openapi

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// valueText writes a default, example or enum value as the text a user
// would type: numbers without exponent noise, lists as "a, b", objects as
// JSON.
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case bool, int, int64, int32, uint64, json.Number:
		return fmt.Sprint(x)
	case time.Time:
		return timeText(x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			parts = append(parts, valueText(e))
		}
		return strings.Join(parts, ", ")
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// timeText writes a date that YAML read as a time: a date alone when it
// has no time of day.
func timeText(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}
