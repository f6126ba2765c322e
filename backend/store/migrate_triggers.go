package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migrateScheduleTriggers turns the schedule trigger that automations could
// hold before schedules ran ({"trigger":{"kind":"schedule","cron":…}})
// into a Schedule of kind cron, switched off: it never fired before, so it
// must not start firing on an upgrade; the user turns it on.
func migrateScheduleTriggers(tx *bolt.Tx) error {
	b := tx.Bucket(bucketAutomations)
	changed := map[string][]byte{}
	err := b.ForEach(func(k, v []byte) error {
		var rec map[string]any
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("decode automation %d: %w", btoi(k), err)
		}
		sched, ok := legacySchedule(rec)
		if !ok {
			return nil
		}
		rec["schedule"] = sched
		out, err := json.Marshal(rec)
		changed[string(k)] = out
		return err
	})
	for k, v := range changed {
		if err == nil {
			err = b.Put([]byte(k), v)
		}
	}
	return err
}

// legacySchedule reads an old schedule trigger as a switched-off cron
// schedule, and false when the record has none or already has a schedule.
func legacySchedule(rec map[string]any) (map[string]any, bool) {
	trig, _ := rec["trigger"].(map[string]any)
	cron, _ := trig["cron"].(string)
	if trig["kind"] != "schedule" || cron == "" || rec["schedule"] != nil {
		return nil, false
	}
	tz, _ := trig["timezone"].(string)
	if tz == "" {
		tz = "UTC"
	}
	return map[string]any{"enabled": false, "kind": "cron", "cron": cron, "timezone": tz, "overlap": "skip", "missed": "skip"}, true
}
