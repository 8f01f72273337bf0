package lint

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/whichflow/whichflow/internal/clientconfig"
)

// Terraform reads a module directory as one: the variables and locals of
// every .tf file in it are visible to all of them (DESIGN §4). lint builds,
// once per directory and only for directories it lints a .tf file from,
// the clientconfig.Module of the directory's files, whether or not each of
// them is linted itself (naming main.tf alone still resolves the defaults
// in its variables.tf). Everything else about reading stays per file: each
// .tf file is still its own job, with its own positions and findings.

// modules holds the module of each directory, built on first use.
type modules struct {
	mu  sync.Mutex
	dir map[string]*moduleOnce
}

type moduleOnce struct {
	once sync.Once
	mod  *clientconfig.Module
}

// moduleFileCap is the most lint reads of a module's other files (the
// Terraform size cap; a larger file adds nothing to the module).
const moduleFileCap = 8 << 20

// forFile returns the module of the directory holding the .tf file path,
// or nil for any other file.
func (ms *modules) forFile(path string) *clientconfig.Module {
	if ms == nil || !strings.EqualFold(filepath.Ext(path), ".tf") {
		return nil
	}
	dir := filepath.Dir(path)
	ms.mu.Lock()
	if ms.dir == nil {
		ms.dir = map[string]*moduleOnce{}
	}
	mo, ok := ms.dir[dir]
	if !ok {
		mo = &moduleOnce{}
		ms.dir[dir] = mo
	}
	ms.mu.Unlock()
	mo.once.Do(func() { mo.mod = loadModule(dir) })
	return mo.mod
}

// loadModule reads the module files of dir: regular files only (no links,
// FIFOs or devices), each up to moduleFileCap. What cannot be read adds
// nothing; the file's own job reports it.
func loadModule(dir string) *clientconfig.Module {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return clientconfig.NewModule(nil)
	}
	var files []clientconfig.ModuleFile
	for _, e := range entries {
		if !e.Type().IsRegular() || !clientconfig.IsModuleFile(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		f, err := openFile(p)
		if err != nil {
			continue
		}
		var b bytes.Buffer
		_, err = b.ReadFrom(io.LimitReader(f, moduleFileCap+1))
		f.Close()
		if err != nil || b.Len() > moduleFileCap {
			continue
		}
		files = append(files, clientconfig.ModuleFile{Path: p, Data: b.Bytes()})
	}
	return clientconfig.NewModule(files)
}

// moduleFileReason is the skip reason of a Terraform file that holds no
// clients or realms of its own in a module directory that has some.
func moduleFileReason(display string) string {
	return "part of the Terraform module in " + filepath.ToSlash(filepath.Dir(display)) + "/ (variables, locals, providers or outputs: no clients or realms of its own)"
}
