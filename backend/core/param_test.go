package core_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

func TestParamCoerce(t *testing.T) {
	tests := []struct {
		typ     core.ParamType
		raw     string
		want    any
		wantErr string
	}{
		{core.TypeInteger, "12", int64(12), ""},
		{core.TypeInteger, " -7 ", int64(-7), ""},
		{core.TypeInteger, "12a", nil, `"12a" is not a whole number`},
		{core.TypeInteger, "1.5", nil, "not a whole number"},
		{core.TypeNumber, "19.99", json.Number("19.99"), ""},
		{core.TypeNumber, " 19.90 ", json.Number("19.9"), ""},
		{core.TypeNumber, "12345678901234567.89", json.Number("12345678901234567.89"), ""},
		{core.TypeNumber, "1e3", json.Number("1000"), ""},
		{core.TypeNumber, "+5", json.Number("5"), ""},
		{core.TypeNumber, ".50", json.Number("0.5"), ""},
		{core.TypeNumber, "0x10", nil, "not a number"},
		{core.TypeNumber, "", nil, "not a number"},
		{core.TypeNumber, "NaN", nil, "not a number"},
		{core.TypeNumber, "Inf", nil, "not a number"},
		{core.TypeNumber, "abc", nil, "not a number"},
		{core.TypeBoolean, "true", true, ""},
		{core.TypeBoolean, "No", false, ""},
		{core.TypeBoolean, "maybe", nil, "not true or false"},
		{core.TypeDate, "2024-01-31", "2024-01-31", ""},
		{core.TypeDate, "2024-02-30", nil, "not a date"},
		{core.TypeDate, "31/01/2024", nil, "not a date"},
		{core.TypeDateTime, "2024-01-31T00:00:00Z", "2024-01-31T00:00:00Z", ""},
		{core.TypeDateTime, "2024-01-31T00:00:00-07:00", "2024-01-31T00:00:00-07:00", ""},
		{core.TypeDateTime, "2024-01-31", nil, "with a zone"},
		{core.TypeDateTime, "2024-01-31T00:00:00", nil, "with a zone"},
		{core.TypeEnum, "PENDING", "PENDING", ""},
		{core.TypeEnum, "pending", nil, "not one of PENDING, APPROVED"},
		{core.TypeArray, "1, 2,,3\n4", []string{"1", "2", "3", "4"}, ""},
		{core.TypeString, "any text {x}", "any text {x}", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.typ)+"/"+tt.raw, func(t *testing.T) {
			p := core.Param{Name: "p", Type: tt.typ, Enum: []string{"PENDING", "APPROVED"}}
			got, err := p.Coerce(tt.raw)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %#v, %v; want %#v", got, err, tt.want)
			}
		})
	}
}
