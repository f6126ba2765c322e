package service

import (
	"sync"

	"github.com/affdesk/affdesk/backend/core"
)

// MemorySecrets keeps secrets in this process's memory only: the secret
// store of a stateless run, which must write no secret anywhere.
type MemorySecrets struct {
	mu sync.Mutex
	m  map[string]string
}

// NewMemorySecrets returns an empty in-memory secret store.
func NewMemorySecrets() *MemorySecrets { return &MemorySecrets{m: map[string]string{}} }

// SetSecret stores a secret in memory.
func (s *MemorySecrets) SetSecret(key, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = value
	return nil
}

// GetSecret returns ENOTFOUND for a key never set.
func (s *MemorySecrets) GetSecret(key string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	if !ok {
		return "", core.Errorf(core.ENOTFOUND, "No secret is stored for %s.", key)
	}
	return v, nil
}

// DeleteSecret forgets a secret.
func (s *MemorySecrets) DeleteSecret(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
	return nil
}

// Backend names the store: "memory".
func (s *MemorySecrets) Backend() string { return "memory" }
