package gui

import (
	"testing"

	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

func TestGpuPolicyDefaultsToNeverAndHonoursTheOverride(t *testing.T) {
	cases := []struct {
		value string
		want  linux.WebviewGpuPolicy
	}{
		{"", linux.WebviewGpuPolicyNever},
		{"never", linux.WebviewGpuPolicyNever},
		{"bogus", linux.WebviewGpuPolicyNever},
		{"always", linux.WebviewGpuPolicyAlways},
		{" ON ", linux.WebviewGpuPolicyAlways},
		{"on-demand", linux.WebviewGpuPolicyOnDemand},
		{"auto", linux.WebviewGpuPolicyOnDemand},
	}
	for _, c := range cases {
		if got := gpuPolicy(c.value); got != c.want {
			t.Errorf("gpuPolicy(%q) = %v, want %v", c.value, got, c.want)
		}
	}
}
