package lint

import (
	"os"
	"path/filepath"
	"strconv"
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

// modules holds the module of each directory, built on first use and
// dropped when the last of the directory's jobs is done (so memory does not
// grow with the number of directories linted).
type modules struct {
	mu  sync.Mutex
	dir map[string]*moduleOnce
	// jobs counts the .tf jobs still to finish, by directory (expect).
	jobs map[string]int
}

type moduleOnce struct {
	once sync.Once
	mod  *clientconfig.Module
}

// expect records the .tf files of the run, so that each directory's module
// is released after its last one.
func (ms *modules) expect(jobs []job) {
	for _, j := range jobs {
		if j.in == nil && isTF(j.path) {
			ms.expectDir(filepath.Dir(j.path), 1)
		}
	}
}

// expectDir records n more .tf jobs in dir (a streamed walk tells each
// directory's as it lists it, before it yields any of them).
func (ms *modules) expectDir(dir string, n int) {
	if n == 0 {
		return
	}
	ms.mu.Lock()
	defer ms.mu.Unlock()
	if ms.jobs == nil {
		ms.jobs = map[string]int{}
	}
	ms.jobs[dir] += n
}

// done releases the module of path's directory after its last job.
func (ms *modules) done(path string) {
	if ms == nil || !isTF(path) {
		return
	}
	dir := filepath.Dir(path)
	ms.mu.Lock()
	defer ms.mu.Unlock()
	if n, ok := ms.jobs[dir]; ok {
		if n <= 1 {
			delete(ms.jobs, dir)
			delete(ms.dir, dir)
			return
		}
		ms.jobs[dir] = n - 1
	}
}

func isTF(path string) bool { return strings.EqualFold(filepath.Ext(path), ".tf") }

// moduleFileCap is the most lint reads of a module's other files (the
// Terraform size cap; a larger file adds nothing to the module).
const moduleFileCap = 8 << 20

// forFile returns the module of the directory holding the .tf file path,
// or nil for any other file.
func (ms *modules) forFile(path string) *clientconfig.Module {
	if ms == nil || !isTF(path) {
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
// FIFOs or devices), each up to moduleFileCap, one at a time per worker
// (clientconfig.LoadModule). What cannot be read adds nothing; the file's
// own job reports it.
func loadModule(dir string) *clientconfig.Module {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return clientconfig.NewModule(nil)
	}
	var paths []string
	for _, e := range entries {
		if e.Type().IsRegular() && clientconfig.IsModuleFile(e.Name()) {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	return clientconfig.LoadModule(paths, readModuleFile)
}

// readModuleFile reads a module file up to moduleFileCap; nil when it
// cannot be read, is larger, or is no longer a regular file (replaced by a
// link to a FIFO or device since the directory was listed).
func readModuleFile(p string) []byte {
	var buf []byte
	data, _, mode, err := readRegular(p, moduleFileCap, &buf)
	if err != nil || !mode.IsRegular() || len(data) > moduleFileCap {
		return nil
	}
	return data
}

// moduleFileReason is the skip reason of a Terraform file that holds no
// clients or realms of its own in a module directory that has some; a
// module too large to resolve says so (its files' var. and local.
// references are all unresolved).
func moduleFileReason(display string, mod *clientconfig.Module) string {
	r := "part of the Terraform module in " + filepath.ToSlash(filepath.Dir(display)) + "/ (variables, locals, providers or outputs: no clients or realms of its own)"
	if mod.TooLarge() {
		r += "; the module's variable and locals files are over " + strconv.Itoa(clientconfig.ModuleDeclLimit>>20) + " MiB together, so none of its variables or locals is resolved"
	}
	return r
}
