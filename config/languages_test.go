package config_test

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/zeroport/zerofault/config"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero/catalog"
)

// languages are the languages the framework ships readable and rule texts
// in, the default first. Adding a language means adding its two files and
// its tag here.
var languages = []string{config.ReadableLanguage, "zh-CN", "zh-TW", "ja", "ko", "de", "fr", "es", "pt-BR", "ru"}

// readableFile and rulesFile name a language's files in config.FS.
func readableFile(tag string) string {
	if tag == config.ReadableLanguage {
		return config.ReadableFile
	}
	return "vertx-readible." + tag + ".yml"
}

func rulesFile(tag string) string {
	if tag == config.ReadableLanguage {
		return config.RulesFile
	}
	return "vertx-rules." + tag + ".yml"
}

// translations are languages without the default.
func translations() []string { return languages[1:] }

// TestLanguagesShipped holds config.FS and the languages list together: a
// file without its tag in the list would escape every test below, and a
// tag without its files would be a language that silently falls back.
func TestLanguagesShipped(t *testing.T) {
	for _, base := range []string{config.ReadableFile, config.RulesFile} {
		stem := strings.TrimSuffix(base, ".yml")
		names, err := fs.Glob(config.FS, stem+".*.yml")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range names {
			got = append(got, strings.TrimSuffix(strings.TrimPrefix(n, stem+"."), ".yml"))
		}
		want := slices.Clone(translations())
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s.<tag>.yml files are in %v; the tested languages are %v", stem, got, want)
		}
		if _, err := fs.Stat(config.FS, base); err != nil {
			t.Errorf("%s: %v", base, err)
		}
	}
}

// A shape says, per argument index a template uses, how it formats it:
// "plain" for {n}, "number", "number,integer", "date,short",
// "number,pattern" for a DecimalFormat pattern, and so on. A choice
// element marks its index as used without adding a format, and adds the
// formats of the patterns in its branches: "{1,choice,1#{1} item|1<{1}
// items}" formats {1} plain. So a language without plurals writing "{1}"
// has the shape of an English text selecting "item" or "items".
//
// Custom number and date patterns count as "pattern" whatever they say,
// since a language may order a date its own way.
//
// The format "choice" records that an index selects a branch; it makes
// the index need a number, and is left out of comparisons.
type shape map[int]map[string]bool

const choiceFormat = "choice"

func (s shape) add(i int, format string) {
	if s[i] == nil {
		s[i] = map[string]bool{}
	}
	if format != "" {
		s[i][format] = true
	}
}

func (s shape) merge(o shape) {
	for i, fs := range o {
		s.add(i, "")
		for f := range fs {
			s[i][f] = true
		}
	}
}

// String lists the shape sorted, without choice, e.g.
// "{0: plain} {1: number,integer}".
func (s shape) String() string {
	var parts []string
	for _, i := range slices.Sorted(maps.Keys(s)) {
		var formats []string
		for _, f := range slices.Sorted(maps.Keys(s[i])) {
			if f != choiceFormat {
				formats = append(formats, f)
			}
		}
		parts = append(parts, fmt.Sprintf("{%d: %s}", i, strings.Join(formats, " ")))
	}
	return strings.Join(parts, " ")
}

func (s shape) equal(o shape) bool { return s.String() == o.String() }

// wantsNumber reports whether index i must be given a number (a choice
// or a number format), as a sample argument.
func (s shape) wantsNumber(i int) bool {
	for f := range s[i] {
		if f != "plain" {
			return true
		}
	}
	return false
}

// wantsTime reports whether index i is formatted as a date or a time.
func (s shape) wantsTime(i int) bool {
	for f := range s[i] {
		if strings.HasPrefix(f, "date") || strings.HasPrefix(f, "time") {
			return true
		}
	}
	return false
}

var (
	numberStyles = []string{"", "integer", "currency", "percent"}
	dateStyles   = []string{"", "short", "medium", "long", "full"}
)

// shapeOf scans a MessageFormat pattern as JDK 17's MessageFormat and
// ChoiceFormat read it: ” is an apostrophe, a lone ' quotes, braces nest
// inside an element's style, and a choice branch containing { is a
// pattern of its own. It reports what it cannot read; the catalog's
// compiler has the last word on validity, and tests run both.
func shapeOf(src string) (shape, error) {
	s := shape{}
	return s, scanPattern(src, s)
}

func scanPattern(src string, s shape) error {
	r := []rune(src)
	var seg [4]strings.Builder // index, type, style; [0] unused
	part, depth, inQuote := 0, 0, false
	for i := 0; i < len(r); i++ {
		c := r[i]
		if part == 0 {
			switch {
			case c == '\'' && i+1 < len(r) && r[i+1] == '\'':
				i++
			case c == '\'':
				inQuote = !inQuote
			case c == '{' && !inQuote:
				part = 1
				for k := range seg {
					seg[k].Reset()
				}
			case c == '}' && !inQuote:
				return fmt.Errorf("unmatched } at rune %d", i)
			}
			continue
		}
		if inQuote {
			seg[part].WriteRune(c)
			if c == '\'' {
				inQuote = false
			}
			continue
		}
		switch c {
		case ',':
			if part < 3 {
				part++
			} else {
				seg[part].WriteRune(c)
			}
		case '{':
			depth++
			seg[part].WriteRune(c)
		case '}':
			if depth > 0 {
				depth--
				seg[part].WriteRune(c)
				continue
			}
			if err := scanElement(seg[1].String(), seg[2].String(), seg[3].String(), s); err != nil {
				return err
			}
			part = 0
		case '\'':
			inQuote = true
			seg[part].WriteRune(c)
		default:
			seg[part].WriteRune(c)
		}
	}
	if part != 0 {
		return fmt.Errorf("unterminated element")
	}
	return nil
}

func scanElement(index, typ, style string, s shape) error {
	i, err := strconv.Atoi(index)
	if err != nil || i < 0 {
		return fmt.Errorf("bad argument index %q", index)
	}
	typ = strings.ToLower(strings.TrimSpace(typ))
	keyword := strings.ToLower(strings.TrimSpace(style))
	switch typ {
	case "":
		s.add(i, "plain")
	case "number", "date", "time":
		styles := numberStyles
		if typ != "number" {
			styles = dateStyles
		}
		switch {
		case slices.Contains(styles, keyword) && keyword == "":
			s.add(i, typ)
		case slices.Contains(styles, keyword):
			s.add(i, typ+","+keyword)
		default:
			s.add(i, typ+",pattern")
		}
	case "choice":
		s.add(i, choiceFormat)
		for _, branch := range choiceBranches(style) {
			if strings.ContainsRune(branch, '{') {
				if err := scanPattern(branch, s); err != nil {
					return fmt.Errorf("choice branch %q: %w", branch, err)
				}
			}
		}
	default:
		return fmt.Errorf("unknown format type %q", typ)
	}
	return nil
}

// choiceBranches returns the texts of a ChoiceFormat pattern, quotes
// resolved as ChoiceFormat resolves them.
func choiceBranches(style string) []string {
	var out []string
	var text strings.Builder
	inText, inQuote := false, false
	r := []rune(style)
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case c == '\'' && i+1 < len(r) && r[i+1] == '\'':
			if inText {
				text.WriteRune('\'')
			}
			i++
		case c == '\'':
			inQuote = !inQuote
		case inQuote:
			if inText {
				text.WriteRune(c)
			}
		case !inText && (c == '#' || c == '<' || c == '≤'):
			inText = true
		case inText && c == '|':
			out = append(out, text.String())
			text.Reset()
			inText = false
		case inText:
			text.WriteRune(c)
		}
	}
	if inText {
		out = append(out, text.String())
	}
	return out
}

func TestShapeOf(t *testing.T) {
	cases := []struct {
		src, want string
		wantErr   bool
	}{
		{src: "plain", want: ""},
		{src: "{1} and {0}, {1}", want: "{0: plain} {1: plain}"},
		{src: "it''s {0}", want: "{0: plain}"},
		{src: "quoted '{0}' and {1}", want: "{1: plain}"},
		{src: "{0,number} {0, Number , INTEGER } {1,date,yyyy} {2,time,short}", want: "{0: number number,integer} {1: date,pattern} {2: time,short}"},
		{src: "{1,choice,0#{1} items|1#{1} item|1<{1} items}", want: "{1: plain}"},
		{src: "{1,choice,0#none|1#one}", want: "{1: }"},
		// ChoiceFormat resolves the quotes, so the branch "a {1}" formats {1},
		// as in the JDK; ''{1}'' would keep it literal.
		{src: "{0,choice,0#a '{1}'|1#{2,number,integer}}", want: "{0: } {1: plain} {2: number,integer}"},
		{src: "{0,choice,0#a ''{1}''|1#b}", want: "{0: }"},
		{src: "{0,number,#,##0.0#}", want: "{0: number,pattern}"},
		{src: "字段{0}无效。", want: "{0: plain}"},
		{src: "{x}", wantErr: true},
		{src: "open {0", wantErr: true},
		{src: "{0,list}", wantErr: true},
		{src: "a } b", wantErr: true},
	}
	for _, c := range cases {
		got, err := shapeOf(c.src)
		if (err != nil) != c.wantErr {
			t.Errorf("shapeOf(%q) error = %v, want error %v", c.src, err, c.wantErr)
			continue
		}
		if err == nil && got.String() != c.want {
			t.Errorf("shapeOf(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

// formsShape is the union of the shapes of a text's forms.
func formsShape(x text) (shape, error) {
	s := shape{}
	for _, form := range slices.Sorted(maps.Keys(x.forms)) {
		f, err := shapeOf(x.forms[form])
		if err != nil {
			return nil, fmt.Errorf("form %s: %w", form, err)
		}
		s.merge(f)
	}
	return s, nil
}

// sampleArgs gives n arguments fit for a text of shape s: numbers where
// s needs one, otherwise strings that name their index.
func sampleArgs(s shape, n int, number any) []any {
	args := make([]any, n)
	for i := range args {
		switch {
		case s.wantsTime(i):
			args[i] = time.Date(2024, 3, 9, 14, 5, 0, 0, time.UTC)
		case s.wantsNumber(i):
			args[i] = number
		default:
			args[i] = "arg" + strconv.Itoa(i)
		}
	}
	return args
}

// TestReadableTranslations checks each language's overlay against the
// English one: the same codes in the same order, the same arguments
// formatted the same way, a template that compiles for the language, and
// a result with every placeholder filled.
func TestReadableTranslations(t *testing.T) {
	templates := errorTemplates(t)
	en := readTexts(t, config.ReadableFile)
	enShapes := map[string]shape{}
	for _, x := range en {
		s, err := formsShape(x)
		if err != nil {
			t.Fatalf("%s:%d: %s: %v", config.ReadableFile, x.line, x.key, err)
		}
		enShapes[x.key] = s
	}
	for _, tag := range languages {
		t.Run(tag, func(t *testing.T) {
			name := readableFile(tag)
			texts := readTexts(t, name)
			have := byKey(texts)
			for _, x := range en {
				if _, ok := have[x.key]; !ok {
					t.Errorf("%s: no text for %s (%s:%d)", name, x.key, config.ReadableFile, x.line)
				}
			}
			misplaced := false
			for i, x := range texts {
				want, ok := enShapes[x.key]
				if !ok {
					t.Errorf("%s:%d: %s has no English text in %s", name, x.line, x.key, config.ReadableFile)
					continue
				}
				if i < len(en) && en[i].key != x.key && !misplaced {
					misplaced = true // one report: the rest shifts with it
					t.Errorf("%s:%d: %s stands where %s has %s; keep the same order", name, x.line, x.key, config.ReadableFile, en[i].key)
				}
				got, err := formsShape(x)
				if err != nil {
					t.Errorf("%s:%d: %s: %v", name, x.line, x.key, err)
					continue
				}
				if !got.equal(want) {
					t.Errorf("%s:%d: %s uses %s; the English text uses %s", name, x.line, x.key, got, want)
				}
				sys, err := catalog.Compile("en", templates[x.key])
				if err != nil {
					t.Errorf("%s: template of %s: %v", config.ErrorFile, x.key, err)
					continue
				}
				for _, form := range slices.Sorted(maps.Keys(x.forms)) {
					tpl, err := catalog.Compile(tag, x.forms[form])
					if err != nil {
						t.Errorf("%s:%d: %s (%s) does not compile: %v", name, x.line, x.key, form, err)
						continue
					}
					if tpl.ArgCount() > sys.ArgCount() {
						t.Errorf("%s:%d: %s (%s) uses {%d}, the exception passes %d argument(s)", name, x.line, x.key, form, tpl.ArgCount()-1, sys.ArgCount())
						continue
					}
					for _, n := range []any{int64(1), int64(3), int64(21)} {
						out, err := tpl.Format(sampleArgs(want, sys.ArgCount(), n)...)
						if err != nil {
							t.Errorf("%s:%d: %s (%s) does not format with sample params: %v", name, x.line, x.key, form, err)
						} else if strings.Contains(out, "{") || strings.TrimSpace(out) == "" {
							t.Errorf("%s:%d: %s (%s) formats as %q", name, x.line, x.key, form, out)
						}
					}
				}
			}
			if tag != config.ReadableLanguage {
				enByKey := byKey(en)
				for _, x := range texts {
					if e, ok := enByKey[x.key]; ok && e.value == x.value {
						t.Errorf("%s:%d: %s is the English text: %q", name, x.line, x.key, x.value)
					}
				}
			}
		})
	}
}

// TestReadableBundleServesEveryLanguage loads the framework's overlays as
// every service does (readable.Load with no options) and asks each
// language for each code: the language must be chosen for its own tag,
// and must answer every code itself, not through a fallback.
func TestReadableBundleServesEveryLanguage(t *testing.T) {
	b, err := readable.Load()
	if err != nil {
		t.Fatalf("framework overlays: %v", err)
	}
	var loaded []string
	for _, l := range b.Languages() {
		loaded = append(loaded, l.String())
	}
	if !slices.Equal(sortedCopy(loaded), sortedCopy(languages)) {
		t.Fatalf("the framework bundle has %v, want %v", loaded, languages)
	}
	templates := errorTemplates(t)
	en := readTexts(t, config.ReadableFile)
	for _, tag := range languages {
		l := b.Match(tag)
		if l.String() != tag {
			t.Errorf("Match(%q) = %s", tag, l)
			continue
		}
		for _, x := range en {
			code, _ := strconv.Atoi(x.key)
			sys, _ := catalog.Compile("en", templates[x.key])
			s, _ := formsShape(x)
			got, from, ok := b.Text(l, -code, sampleArgs(s, sys.ArgCount(), int64(2))...)
			if !ok || from != l || strings.Contains(got, "{") {
				t.Errorf("%s: Text(%s) = %q from %s, %v", tag, x.key, got, from, ok)
			}
		}
	}
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	sort.Strings(c)
	return c
}

// ruleKeyRe is the key of a rule text: a validator tag, optionally with
// the kind of field it applies to.
var ruleKeyRe = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.(string|number|items))?$`)

// readRules reads a rule file as an ordered list of double-quoted strings.
func readRules(t *testing.T, name string) []text {
	t.Helper()
	root := readMapping(t, name)
	var out []text
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode || !ruleKeyRe.MatchString(k.Value) {
			t.Errorf("%s:%d: key %q is not a rule tag, or tag.string, tag.number, tag.items", name, k.Line, k.Value)
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" || v.Style != yaml.DoubleQuotedStyle {
			t.Errorf("%s:%d: value of %s is not a double-quoted string (rule texts take no plural maps)", name, v.Line, k.Value)
			continue
		}
		out = append(out, text{key: k.Value, value: v.Value, line: k.Line, forms: map[string]string{"other": v.Value}})
	}
	return out
}

// TestRuleTranslations holds every language's rule texts to the English
// ones: the same keys in the same order, the same arguments formatted the
// same way, and a template that compiles and formats, for a field, a
// numeric parameter (as the validator integration passes one that reads
// as a number) and a textual one.
func TestRuleTranslations(t *testing.T) {
	en := readRules(t, config.RulesFile)
	enShapes := map[string]shape{}
	for _, x := range en {
		s, err := shapeOf(x.value)
		if err != nil {
			t.Fatalf("%s:%d: %s: %v", config.RulesFile, x.line, x.key, err)
		}
		enShapes[x.key] = s
	}
	if _, ok := enShapes["default"]; !ok {
		t.Errorf("%s has no default text", config.RulesFile)
	}
	for _, tag := range languages {
		t.Run(tag, func(t *testing.T) {
			name := rulesFile(tag)
			texts := readRules(t, name)
			have := byKey(texts)
			for _, x := range en {
				if _, ok := have[x.key]; !ok {
					t.Errorf("%s: no text for %s (%s:%d)", name, x.key, config.RulesFile, x.line)
				}
			}
			enByKey := byKey(en)
			seen := map[string]int{}
			misplaced := false
			for i, x := range texts {
				if prev, dup := seen[x.key]; dup {
					t.Errorf("%s:%d: %s is already given on line %d", name, x.line, x.key, prev)
				}
				seen[x.key] = x.line
				want, ok := enShapes[x.key]
				if !ok {
					t.Errorf("%s:%d: %s has no English text in %s", name, x.line, x.key, config.RulesFile)
					continue
				}
				if i < len(en) && en[i].key != x.key && !misplaced {
					misplaced = true
					t.Errorf("%s:%d: %s stands where %s has %s; keep the same order", name, x.line, x.key, config.RulesFile, en[i].key)
				}
				if tag != config.ReadableLanguage && x.value == enByKey[x.key].value {
					t.Errorf("%s:%d: %s is the English text: %q", name, x.line, x.key, x.value)
				}
				got, err := shapeOf(x.value)
				if err != nil {
					t.Errorf("%s:%d: %s: %v", name, x.line, x.key, err)
					continue
				}
				if !got.equal(want) {
					t.Errorf("%s:%d: %s uses %s; the English text uses %s", name, x.line, x.key, got, want)
				}
				tpl, err := catalog.Compile(tag, x.value)
				if err != nil {
					t.Errorf("%s:%d: %s does not compile: %v", name, x.line, x.key, err)
					continue
				}
				params := []any{int64(0), int64(1), int64(2), int64(5), int64(21), int64(1000), 1.5}
				if !want.wantsNumber(1) {
					params = append(params, "red green blue")
				}
				for _, p := range params {
					out, err := tpl.Format("email", p, x.key)
					if err != nil {
						t.Errorf("%s:%d: %s does not format with %v: %v", name, x.line, x.key, p, err)
					} else if strings.Contains(out, "{") || !strings.Contains(out, "email") {
						t.Errorf("%s:%d: %s formats %v as %q", name, x.line, x.key, p, out)
					}
				}
			}
		})
	}
}

// TestRuleCounts reads the counts of the rule texts that show one: each
// must print the count, and the noun after it must agree as the
// language's grammar wants for the common cases.
func TestRuleCounts(t *testing.T) {
	cases := []struct {
		tag, key string
		n        int64
		want     string
	}{
		{"en", "min.string", 1, "email must be at least 1 character long."},
		{"en", "min.string", 8, "email must be at least 8 characters long."},
		{"en", "len.items", 0, "email must contain exactly 0 items."},
		{"de", "min.items", 1, "Das Feld „email“ muss mindestens 1 Eintrag enthalten."},
		{"de", "min.items", 3, "Das Feld „email“ muss mindestens 3 Einträge enthalten."},
		{"de", "min.string", 1, "Das Feld „email“ muss mindestens 1 Zeichen lang sein."},
		{"fr", "min.string", 0, "Le champ «\u00a0email\u00a0» doit compter au moins 0 caractère."},
		{"fr", "min.string", 1, "Le champ «\u00a0email\u00a0» doit compter au moins 1 caractère."},
		{"fr", "max.items", 2, "Le champ «\u00a0email\u00a0» doit contenir au plus 2 éléments."},
		{"es", "max.string", 1, "El campo «email» debe tener como máximo 1 carácter."},
		{"es", "max.string", 10, "El campo «email» debe tener como máximo 10 caracteres."},
		{"pt-BR", "len.items", 1, "O campo “email” deve conter exatamente 1 item."},
		{"pt-BR", "len.items", 4, "O campo “email” deve conter exatamente 4 itens."},
		// Russian texts put no noun after the count, so any count reads.
		{"ru", "min.string", 1, "Количество символов в поле «email» должно быть не меньше 1."},
		{"ru", "min.string", 22, "Количество символов в поле «email» должно быть не меньше 22."},
		{"ja", "max.string", 20, "「email」は20文字以内で入力してください。"},
		{"ko", "min.items", 2, "email 항목은 2개 이상이어야 합니다."},
		{"zh-TW", "min.string", 6, "「email」至少需要 6 個字元。"},
		{"zh-CN", "min.string", 6, "email的长度不能少于6个字符。"},
	}
	files := map[string]map[string]text{}
	for _, c := range cases {
		if files[c.tag] == nil {
			files[c.tag] = byKey(readRules(t, rulesFile(c.tag)))
		}
		tpl, err := catalog.Compile(c.tag, files[c.tag][c.key].value)
		if err != nil {
			t.Errorf("%s %s: %v", c.tag, c.key, err)
			continue
		}
		if got, err := tpl.Format("email", c.n); err != nil || got != c.want {
			t.Errorf("%s %s(%d) = %q, %v; want %q", c.tag, c.key, c.n, got, err, c.want)
		}
	}
}

// allTexts returns every readable and rule text of a language.
func allTexts(t *testing.T, tag string) map[string][]text {
	return map[string][]text{
		readableFile(tag): readTexts(t, readableFile(tag)),
		rulesFile(tag):    readRules(t, rulesFile(tag)),
	}
}

// simplifiedOnly are characters that Simplified Chinese writes and
// Traditional Chinese never does, chosen among those the zh-CN files use,
// so that zh-TW can be neither a copy of zh-CN nor a half-converted one.
const simplifiedOnly = "这们设网数据账户录请码务统败时无级权联员载认证试过为资错误关问题页处应发现与项经单开启动类库连块后号删选择导则检询缓临组织参详细"

// mainlandTerms are mainland words, in traditional script, that Taiwan
// says otherwise (its word in the comment).
var mainlandTerms = []string{
	"數據",  // 資料
	"信息",  // 資訊, 訊息
	"文件",  // 檔案
	"賬號",  // 帳號
	"賬戶",  // 帳戶
	"登錄",  // 登入
	"網絡",  // 網路
	"默認",  // 預設
	"設置",  // 設定
	"配置",  // 設定
	"用戶",  // 使用者
	"服務器", // 伺服器
	"軟件",  // 軟體
	"鏈接",  // 連結
	"字段",  // 欄位
	"字符",  // 字元
	"模塊",  // 模組
	"組件",  // 元件
	"導出",  // 匯出
	"導入",  // 匯入
	"短信",  // 簡訊
	"刷新",  // 重新整理
}

func TestTraditionalChineseIsTaiwanese(t *testing.T) {
	var zhCN strings.Builder
	for _, texts := range allTexts(t, "zh-CN") {
		for _, x := range texts {
			zhCN.WriteString(x.value)
		}
	}
	hits := 0
	for _, c := range simplifiedOnly {
		if strings.ContainsRune(zhCN.String(), c) {
			hits++
		}
	}
	// Else the check below would pass for a copy of zh-CN.
	if hits < 30 {
		t.Errorf("only %d of the telltale Simplified characters occur in the zh-CN texts; choose others", hits)
	}
	for name, texts := range allTexts(t, "zh-TW") {
		for _, x := range texts {
			for _, c := range x.value {
				if strings.ContainsRune(simplifiedOnly, c) {
					t.Errorf("%s:%d: %s uses the Simplified character %c: %q", name, x.line, x.key, c, x.value)
				}
			}
			for _, w := range mainlandTerms {
				if strings.Contains(x.value, w) {
					t.Errorf("%s:%d: %s says %s, a mainland term: %q", name, x.line, x.key, w, x.value)
				}
			}
		}
	}
}

// script says which letters a language's texts must be written in.
var script = map[string]func(rune) bool{
	"zh-CN": func(r rune) bool { return unicode.Is(unicode.Han, r) },
	"zh-TW": func(r rune) bool { return unicode.Is(unicode.Han, r) },
	"ja":    func(r rune) bool { return unicode.In(r, unicode.Hiragana, unicode.Katakana) },
	"ko":    func(r rune) bool { return unicode.Is(unicode.Hangul, r) },
	"ru":    func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) },
}

// TestTypography checks the conventions each language's header comment
// promises, on readable and rule texts alike.
func TestTypography(t *testing.T) {
	for _, tag := range languages {
		for name, texts := range allTexts(t, tag) {
			for _, x := range texts {
				for _, problem := range typographyProblems(tag, x.value) {
					t.Errorf("%s:%d: %s: %s: %q", name, x.line, x.key, problem, x.value)
				}
			}
		}
	}
}

// typographyProblems lists what a text of language tag gets wrong.
func typographyProblems(tag, s string) []string {
	var out []string
	if in, ok := script[tag]; ok && !strings.ContainsFunc(s, in) {
		out = append(out, "not written in the language's script")
	}
	if strings.Contains(s, "'") {
		out = append(out, "an apostrophe ' quotes in MessageFormat: write ’ (or '' for a literal ')")
	}
	switch tag {
	case "zh-CN", "zh-TW", "ja":
		if bad := asciiPunctInCJK(s); len(bad) > 0 {
			out = append(out, "ASCII punctuation in CJK text ("+strings.Join(bad, ", ")+"); write it full-width")
		}
	case "ko":
		if strings.ContainsAny(s, "。、，") {
			out = append(out, "Korean takes Western punctuation, not 。、，")
		}
	case "fr":
		r := []rune(s)
		for i, c := range r {
			prev, next := rune(0), rune(0)
			if i > 0 {
				prev = r[i-1]
			}
			if i+1 < len(r) {
				next = r[i+1]
			}
			switch {
			case c == '«' && next != '\u00a0' && next != '\u202f':
				out = append(out, "« without a no-break space after it")
			case c == '»' && prev != '\u00a0' && prev != '\u202f':
				out = append(out, "» without a no-break space before it")
			case strings.ContainsRune(":;!?", c) && prev != '\u00a0' && prev != '\u202f':
				out = append(out, fmt.Sprintf("%c without a no-break space before it", c))
			}
		}
	case "es":
		if strings.Count(s, "?") != strings.Count(s, "¿") || strings.Count(s, "!") != strings.Count(s, "¡") {
			out = append(out, "a question or exclamation must open with ¿ or ¡")
		}
	case "de":
		if strings.Count(s, "„") != strings.Count(s, "“") {
			out = append(out, "German quotes open with „ and close with “")
		}
	}
	if tag != config.ReadableLanguage && strings.Contains(s, `"`) {
		out = append(out, `straight quotes: use the language's own (“ ” „ “ « » 「 」)`)
	}
	return out
}

func TestTypographyProblems(t *testing.T) {
	for _, c := range []struct {
		tag, s string
		bad    bool
	}{
		{"fr", "Le champ «\u00a0x\u00a0» est requis.", false},
		{"fr", "Le champ « x » est requis.", true},
		{"fr", "Erreur\u00a0: réessayez\u202f!", false},
		{"fr", "Erreur : réessayez.", true},
		{"fr", "L'application", true},
		{"es", "¿Qué desea buscar?", false},
		{"es", "Qué desea buscar?", true},
		{"de", "Das Feld „x“ fehlt.", false},
		{"de", `Das Feld "x" fehlt.`, true},
		{"ja", "「x」は必須です。", false},
		{"ja", "「x」は必須です.", true},
		{"ko", "x 항목은 필수입니다.", false},
		{"ko", "x 항목은 필수입니다。", true},
		{"ru", "Поле «x» обязательно.", false},
		{"ru", "Field x is required.", true},
		{"zh-TW", "「x」為必填欄位。", false},
		{"zh-TW", "「x」為必填欄位.", true},
	} {
		if got := len(typographyProblems(c.tag, c.s)) > 0; got != c.bad {
			t.Errorf("%s %q: problems %v, want problems %v", c.tag, c.s, typographyProblems(c.tag, c.s), c.bad)
		}
	}
}
