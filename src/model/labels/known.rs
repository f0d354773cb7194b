//! The program's own words in every language the ketamine handout is translated
//! into, in [`LABEL_KEYS`](super::LABEL_KEYS) order: a handout written in one of
//! these languages (not only translated into it) gets its footer and web-page words
//! in its own language. Taken from the translations' `labels:` (all but English are
//! drafts, like the translations); a source file's `labels:` overrides any of them.

/// Language tag, then the labels in `LABEL_KEYS` order.
#[rustfmt::skip]
pub(super) const KNOWN: &[(&str, [&str; 10])] = &[
    ("am", ["ረቂቅ ትርጉም — ያልተገመገመ", "የተሻሻለው", "ስሪት", "ገጽ {page} ከ {pages}", "የመስመር ላይ ቅጂ", "አማርኛ", "ሌሎች ቋንቋዎች", "ሊታተሙ የሚችሉ ቅጂዎች (PDF)", "ገጾች", "ትልቅ ፊደል"]),
    ("ar", ["مسودة ترجمة — لم تتم مراجعتها", "منقح", "الإصدار", "الصفحة {page} من {pages}", "النسخة الإلكترونية", "العربية", "لغات أخرى", "نسخ قابلة للطباعة (PDF)", "الصفحات", "خط كبير"]),
    ("bn", ["খসড়া অনুবাদ — পর্যালোচনা করা হয়নি", "সংশোধিত", "সংস্করণ", "{pages}-এর মধ্যে পৃষ্ঠা {page}", "অনলাইন সংস্করণ", "বাংলা", "অন্যান্য ভাষা", "মুদ্রণযোগ্য সংস্করণ (PDF)", "পৃষ্ঠা", "বড় অক্ষর"]),
    ("de", ["Übersetzungsentwurf – nicht geprüft", "Überarbeitet", "Version", "Seite {page} von {pages}", "Online-Version", "Deutsch", "Andere Sprachen", "Druckversionen (PDF)", "Seiten", "Großdruck"]),
    ("el", ["Προσχέδιο μετάφρασης — δεν έχει ελεγχθεί", "Αναθεώρηση", "Έκδοση", "Σελίδα {page} από {pages}", "Ηλεκτρονική έκδοση", "Ελληνικά", "Άλλες γλώσσες", "Εκδόσεις για εκτύπωση (PDF)", "Σελίδες", "Μεγάλα γράμματα"]),
    ("en", ["Draft translation — not reviewed", "Revised", "Version", "Page {page} of {pages}", "Online version", "English", "Other languages", "Printable versions (PDF)", "Pages", "Large print"]),
    ("es", ["Traducción provisional — no revisada", "Revisado", "Versión", "Página {page} de {pages}", "Versión en línea", "Español", "Otros idiomas", "Versiones para imprimir (PDF)", "Páginas", "Letra grande"]),
    ("fa", ["پیش‌نویس ترجمه — بازبینی نشده", "بازنگری‌شده", "نسخه", "صفحه {page} از {pages}", "نسخه آنلاین", "فارسی", "زبان‌های دیگر", "نسخه‌های قابل چاپ (PDF)", "صفحه‌ها", "حروف درشت"]),
    ("fr", ["Traduction provisoire — non relue", "Révisé", "Version", "Page {page} sur {pages}", "Version en ligne", "Français", "Autres langues", "Versions imprimables (PDF)", "Pages", "Gros caractères"]),
    ("gu", ["અનુવાદનો મુસદ્દો — સમીક્ષા કરવામાં આવી નથી", "સુધારેલ", "આવૃત્તિ", "{pages}માંથી પાનું {page}", "ઓનલાઇન આવૃત્તિ", "ગુજરાતી", "અન્ય ભાષાઓ", "છાપી શકાય તેવી આવૃત્તિઓ (PDF)", "પાનાં", "મોટા અક્ષર"]),
    ("he", ["טיוטת תרגום — טרם נבדקה", "עודכן", "גרסה", "עמוד {page} מתוך {pages}", "גרסה מקוונת", "עברית", "שפות נוספות", "גרסאות להדפסה (PDF)", "עמודים", "אותיות גדולות"]),
    ("hi", ["अनुवाद का मसौदा — समीक्षा नहीं की गई", "संशोधित", "संस्करण", "{pages} में से पृष्ठ {page}", "ऑनलाइन संस्करण", "हिन्दी", "अन्य भाषाएँ", "प्रिंट करने योग्य संस्करण (PDF)", "पृष्ठ", "बड़े अक्षर"]),
    ("ht", ["Bouyon tradiksyon — poko revize", "Revize", "Vèsyon", "Paj {page} sou {pages}", "Vèsyon sou entènèt", "Kreyòl ayisyen", "Lòt lang", "Vèsyon pou enprime (PDF)", "Paj", "Gwo lèt"]),
    ("hy", ["Թարգմանության սևագիր — չի ստուգվել", "Վերանայվել է", "Տարբերակ", "Էջ {page}՝ {pages}-ից", "Առցանց տարբերակ", "Հայերեն", "Այլ լեզուներ", "Տպելու տարբերակներ (PDF)", "Էջեր", "Խոշոր տառերով"]),
    ("it", ["Traduzione provvisoria — non revisionata", "Revisionato", "Versione", "Pagina {page} di {pages}", "Versione online", "Italiano", "Altre lingue", "Versioni stampabili (PDF)", "Pagine", "Caratteri grandi"]),
    ("ja", ["翻訳草案 — 未校閲", "改訂", "バージョン", "{page}／{pages}ページ", "オンライン版", "日本語", "他の言語", "印刷用（PDF）", "ページ数", "大きな文字版"]),
    ("km", ["សេចក្តីព្រាងការបកប្រែ — មិនទាន់បានពិនិត្យ", "បានកែសម្រួល", "កំណែ", "ទំព័រ {page} នៃ {pages}", "កំណែអនឡាញ", "ខ្មែរ", "ភាសាផ្សេងទៀត", "កំណែសម្រាប់បោះពុម្ព (PDF)", "ចំនួនទំព័រ", "អក្សរធំ"]),
    ("ko", ["번역 초안 — 검토되지 않음", "개정", "버전", "{page}/{pages}쪽", "온라인판", "한국어", "다른 언어", "인쇄용 버전(PDF)", "쪽수", "큰 글자판"]),
    ("lo", ["ສະບັບແປຮ່າງ — ຍັງບໍ່ໄດ້ກວດທານ", "ປັບປຸງ", "ສະບັບ", "ໜ້າ {page} ຈາກ {pages}", "ສະບັບອອນລາຍ", "ລາວ", "ພາສາອື່ນໆ", "ສະບັບສຳລັບພິມ (PDF)", "ຈຳນວນໜ້າ", "ຕົວອັກສອນໃຫຍ່"]),
    ("my", ["ဘာသာပြန်မူကြမ်း — မစိစစ်ရသေးပါ", "ပြန်လည်ပြင်ဆင်သည်", "ဗားရှင်း", "စာမျက်နှာ {page} (စုစုပေါင်း {pages})", "အွန်လိုင်းဗားရှင်း", "မြန်မာ", "အခြားဘာသာစကားများ", "ပုံနှိပ်ရန်ဗားရှင်းများ (PDF)", "စာမျက်နှာ", "စာလုံးကြီး"]),
    ("ne", ["अनुवादको मस्यौदा — समीक्षा गरिएको छैन", "परिमार्जित", "संस्करण", "{pages} मध्ये पृष्ठ {page}", "अनलाइन संस्करण", "नेपाली", "अन्य भाषाहरू", "छाप्न मिल्ने संस्करणहरू (PDF)", "पृष्ठहरू", "ठूला अक्षर"]),
    ("pa", ["ਅਨੁਵਾਦ ਦਾ ਖਰੜਾ — ਸਮੀਖਿਆ ਨਹੀਂ ਕੀਤੀ ਗਈ", "ਸੋਧਿਆ ਗਿਆ", "ਸੰਸਕਰਣ", "{pages} ਵਿੱਚੋਂ ਪੰਨਾ {page}", "ਆਨਲਾਈਨ ਸੰਸਕਰਣ", "ਪੰਜਾਬੀ", "ਹੋਰ ਭਾਸ਼ਾਵਾਂ", "ਛਾਪਣਯੋਗ ਸੰਸਕਰਣ (PDF)", "ਪੰਨੇ", "ਵੱਡੇ ਅੱਖਰ"]),
    ("pl", ["Wstępne tłumaczenie – niezweryfikowane", "Zaktualizowano", "Wersja", "Strona {page} z {pages}", "Wersja internetowa", "Polski", "Inne języki", "Wersje do druku (PDF)", "Liczba stron", "Duża czcionka"]),
    ("pt", ["Tradução provisória — não revisada", "Revisado", "Versão", "Página {page} de {pages}", "Versão on-line", "Português", "Outros idiomas", "Versões para impressão (PDF)", "Páginas", "Letra grande"]),
    ("ru", ["Черновой перевод — не проверен", "Пересмотрено", "Версия", "Страница {page} из {pages}", "Онлайн-версия", "Русский", "Другие языки", "Версии для печати (PDF)", "Страниц", "Крупный шрифт"]),
    ("so", ["Tarjumaad qabyo ah — dib looma eegin", "Dib loo eegay", "Nuqulka", "Bogga {page} ee {pages}", "Nuqulka internetka", "Soomaali", "Luqadaha kale", "Nuqullo la daabici karo (PDF)", "Bogag", "Xarfo waaweyn"]),
    ("th", ["ฉบับแปลร่าง — ยังไม่ผ่านการตรวจทาน", "ปรับปรุง", "ฉบับ", "หน้า {page} จาก {pages}", "ฉบับออนไลน์", "ไทย", "ภาษาอื่น", "ฉบับสำหรับพิมพ์ (PDF)", "จำนวนหน้า", "ตัวอักษรขนาดใหญ่"]),
    ("tl", ["Burador ng salin — hindi pa nasusuri", "Binago", "Bersiyon", "Pahina {page} ng {pages}", "Bersiyon sa internet", "Tagalog", "Iba pang wika", "Mga bersiyong puwedeng i-print (PDF)", "Mga pahina", "Malalaking titik"]),
    ("uk", ["Чернетка перекладу — не перевірено", "Переглянуто", "Версія", "Сторінка {page} з {pages}", "Онлайн-версія", "Українська", "Інші мови", "Версії для друку (PDF)", "Сторінок", "Великий шрифт"]),
    ("ur", ["مسودہ ترجمہ — نظرِ ثانی نہیں ہوئی", "نظرِ ثانی شدہ", "ورژن", "صفحہ {page} از {pages}", "آن لائن ورژن", "اردو", "دیگر زبانیں", "پرنٹ کرنے کے لیے ورژن (PDF)", "صفحات", "بڑے حروف"]),
    ("vi", ["Bản dịch nháp — chưa được duyệt", "Đã sửa đổi", "Phiên bản", "Trang {page} trên {pages}", "Phiên bản trực tuyến", "Tiếng Việt", "Ngôn ngữ khác", "Bản để in (PDF)", "Số trang", "Chữ cỡ lớn"]),
    ("zh-Hans", ["翻译草稿——未经审校", "已修订", "版本", "第{page}页，共{pages}页", "在线版", "简体中文", "其他语言", "可打印版本（PDF）", "页数", "大字版"]),
    ("zh-Hant", ["翻譯草稿——尚未審閱", "已修訂", "版本", "第{page}頁，共{pages}頁", "線上版", "繁體中文", "其他語言", "可列印版本（PDF）", "頁數", "大字版"]),
];
