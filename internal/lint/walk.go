package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// sortedWalk walks one directory in the report's order — by path string,
// where filepath.WalkDir goes name by name ("a/b.json" before "a-b.json")
// — and yields its files one at a time: a directory sorts as its name
// followed by "/", so every path under it sorts with it. What it lints and
// skips is walkEntry's, as for discover. It holds one directory listing
// per level, not the list of files.
type sortedWalk struct {
	root  string
	cfg   *config
	stack [][]fs.DirEntry // the entries left at each level, sorted
	dirs  []string        // the path of each level
	skips []Skip
	mods  *modules // told each directory's .tf jobs when it is listed
}

func newSortedWalk(p, root string, cfg *config, mods *modules) (*sortedWalk, error) {
	w := &sortedWalk{root: root, cfg: cfg, mods: mods}
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, &PathError{Path: p, Err: unwrapPathErr(err)}
	}
	w.push(root, entries)
	return w, nil
}

func (w *sortedWalk) push(dir string, entries []fs.DirEntry) {
	key := func(d fs.DirEntry) string {
		if d.IsDir() {
			return d.Name() + "/"
		}
		return d.Name()
	}
	sort.Slice(entries, func(i, j int) bool { return key(entries[i]) < key(entries[j]) })
	if w.mods != nil {
		n := 0
		for _, d := range entries {
			if !d.IsDir() && isTF(d.Name()) {
				if _, lint, _ := walkEntry(filepath.Join(dir, d.Name()), w.root, d); lint {
					n++
				}
			}
		}
		w.mods.expectDir(dir, n)
	}
	w.stack = append(w.stack, entries)
	w.dirs = append(w.dirs, dir)
}

// next returns the next file to lint.
func (w *sortedWalk) next() (job, bool) {
	for len(w.stack) > 0 {
		top := len(w.stack) - 1
		if len(w.stack[top]) == 0 {
			w.stack[top] = nil
			w.stack, w.dirs = w.stack[:top], w.dirs[:top]
			continue
		}
		d := w.stack[top][0]
		w.stack[top] = w.stack[top][1:]
		path := filepath.Join(w.dirs[top], d.Name())
		descend, lint, skip := walkEntry(path, w.root, d)
		switch {
		case descend:
			entries, err := os.ReadDir(path)
			if err != nil {
				w.skips = append(w.skips, unreadableDir(path, err))
				continue
			}
			w.push(path, entries)
		case skip != nil:
			w.skips = append(w.skips, *skip)
		case lint:
			return job{path: path, cfg: w.cfg}, true
		}
	}
	return job{}, false
}

// walkSkips are the walk's notable skips in filepath.WalkDir's order.
func (w *sortedWalk) walkSkips() []Skip {
	sort.SliceStable(w.skips, func(i, j int) bool { return walkLess(w.skips[i].Path, w.skips[j].Path) })
	return w.skips
}
