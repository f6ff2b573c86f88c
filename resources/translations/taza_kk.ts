<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>The village of your rural okrug where the action took place</source>
        <translation>Акция өткен, ауылдық округіңіздегі елді мекен</translation>
    </message>
    <message>
        <source>The day of the action, typed as dd.mm.yyyy or picked in the calendar</source>
        <translation>Акция өткен күн: кк.аа.жжжж түрінде теріңіз немесе күнтізбеден таңдаңыз</translation>
    </message>
    <message>
        <source>The programme&apos;s campaign the action was part of (subbotnik, World Cleanup Day…)</source>
        <translation>Акция бағдарламаның қай науқанына кірді (сенбілік, Дүниежүзілік тазалық күні…)</translation>
    </message>
    <message>
        <source>Where exactly: a street, a park, a river bank</source>
        <translation>Нақты қай жерде: көше, саябақ, өзен жағасы</translation>
    </message>
    <message>
        <source>How many people took part, volunteers included</source>
        <translation>Қанша адам қатысты, еріктілерді қоса алғанда</translation>
    </message>
    <message>
        <source>The area cleaned, in hectares (up to 2 decimals)</source>
        <translation>Тазартылған аумақ, гектармен (үтірден кейін 2 таңбаға дейін)</translation>
    </message>
    <message>
        <source>Trees and seedlings planted; 0 if none</source>
        <translation>Отырғызылған ағаштар мен көшеттер; болмаса 0</translation>
    </message>
    <message>
        <source>Latitude in degrees (for example 43.25); filled from a photo&apos;s GPS when it has one</source>
        <translation>Ендік, градуспен (мысалы, 43,25); фотосуретте GPS болса, содан толтырылады</translation>
    </message>
    <message>
        <source>Longitude in degrees (for example 77.05); filled from a photo&apos;s GPS when it has one</source>
        <translation>Бойлық, градуспен (мысалы, 77,05); фотосуретте GPS болса, содан толтырылады</translation>
    </message>
    <message>
        <source>Who fills in the record: the coordinator sees this name</source>
        <translation>Жазбаны кім толтырады: үйлестіруші осы есімді көреді</translation>
    </message>
    <message>
        <source>Anything the coordinator should know about this action</source>
        <translation>Үйлестіруші осы акция туралы білуі керек кез келген мәлімет</translation>
    </message>
    <message>
        <source>Where and when</source>
        <translation>Қайда және қашан</translation>
    </message>
    <message>
        <source>People and results</source>
        <translation>Қатысушылар мен нәтижелер</translation>
    </message>
    <message>
        <source>Waste collected, tonnes</source>
        <translation>Жиналған қалдықтар, тонна</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотосуреттер</translation>
    </message>
    <message>
        <source>&amp;Settlement</source>
        <translation>&amp;Елді мекен</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Күні</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>&amp;Акция</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>Ө&amp;ткізілген орны</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Қатысушылар</translation>
    </message>
    <message>
        <source>&amp;Area cleaned</source>
        <translation>Тазартылған ау&amp;мақ</translation>
    </message>
    <message>
        <source>&amp;Trees planted</source>
        <translation>Отырғызылған а&amp;ғаштар</translation>
    </message>
    <message>
        <source>&amp;GPS (lat., long.)</source>
        <translation>&amp;GPS (ендік, бойлық)</translation>
    </message>
    <message>
        <source>&amp;Reported by</source>
        <translation>То&amp;лтырған</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>Ескерт&amp;пелер</translation>
    </message>
    <message>
        <source>ha</source>
        <translation>га</translation>
    </message>
    <message>
        <source>t</source>
        <translation>т</translation>
    </message>
    <message>
        <source>e.g. the river bank by the school</source>
        <translation>мысалы, мектеп жанындағы өзен жағасы</translation>
    </message>
    <message>
        <source>Type a name in Kazakh or Russian</source>
        <translation>Атауын қазақша немесе орысша жазыңыз</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>ендік</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>бойлық</translation>
    </message>
    <message>
        <source>{fraction}: tonnes collected, up to 3 decimals (0.25 t is 250 kg)</source>
        <translation>{fraction}: жиналған тонна, үтірден кейін 3 таңбаға дейін (0,25 т — бұл 250 кг)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Тарихы…</translation>
    </message>
    <message>
        <source>Every version of this record, as stored on this laptop</source>
        <translation>Осы ноутбукта сақталған жазбаның барлық нұсқалары</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>Қаралама ретінде сақтау</translation>
    </message>
    <message>
        <source>Keep it on this laptop to finish later (Ctrl+S)</source>
        <translation>Кейін аяқтау үшін осы ноутбукта сақтау (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save, ready to send</source>
        <translation>Сақтау, жіберуге дайын</translation>
    </message>
    <message>
        <source>It will be sent at the next connection (Ctrl+Enter)</source>
        <translation>Келесі байланыс кезінде жіберіледі (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Edit clean-up action</source>
        <translation>Тазалық акциясын өзгерту</translation>
    </message>
    <message>
        <source>New clean-up action</source>
        <translation>Жаңа тазалық акциясы</translation>
    </message>
    <message>
        <source>Choose a campaign…</source>
        <translation>Акцияны таңдаңыз…</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need correcting: see the red notes above.</source>
        <translation>
            <numerusform>%n өрісті түзету керек: жоғарыдағы қызыл ескертулерді қараңыз.</numerusform>
            <numerusform>%n өрісті түзету керек: жоғарыдағы қызыл ескертулерді қараңыз.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: {tonnes} t</source>
        <translation>Барлығы: {tonnes} т</translation>
    </message>
    <message>
        <source>from {photo}</source>
        <translation>{photo} суретінен</translation>
    </message>
</context>
<context>
    <name>ActionEditor</name>
    <message>
        <source>(no comment)</source>
        <translation>(пікір жоқ)</translation>
    </message>
    <message>
        <source>The coordinator returned this record: «{comment}». Correct it and save it as ready to send.</source>
        <translation>Үйлестіруші бұл жазбаны қайтарды: «{comment}». Түзетіп, жіберуге дайын деп сақтаңыз.</translation>
    </message>
    <message>
        <source>The coordinator has accepted this record.</source>
        <translation>Үйлестіруші бұл жазбаны қабылдады.</translation>
    </message>
    <message>
        <source>This record has been sent. Saving a change sends the new version.</source>
        <translation>Бұл жазба жіберілген. Өзгерісті сақтасаңыз, жаңа нұсқасы жіберіледі.</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n қатысушы</numerusform>
            <numerusform>%n қатысушы</numerusform>
        </translation>
    </message>
    <message>
        <source>The record cannot be shown: {error}</source>
        <translation>Жазбаны көрсету мүмкін емес: {error}</translation>
    </message>
    <message>
        <source>The record could not be saved: {error}. Nothing was changed.</source>
        <translation>Жазбаны сақтау мүмкін болмады: {error}. Ештеңе өзгерген жоқ.</translation>
    </message>
</context>
<context>
    <name>ActionTable</name>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Елді мекен</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Акция</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Қатысушылар</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>Тонна</translation>
    </message>
    <message>
        <source>Hectares</source>
        <translation>Гектар</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>Returned by the coordinator: {comment}</source>
        <translation>Үйлестіруші қайтарды: {comment}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Сақтық көшірмеден қалпына келтіру</translation>
    </message>
    <message>
        <source>Taza Field backs up its data once a day when it starts and keeps the last {keep} daily backups. Choose the one to go back to. Photos are kept apart: restoring leaves them as they are.</source>
        <translation>Taza Field іске қосылғанда деректерінің сақтық көшірмесін күніне бір рет жасайды және соңғы {keep} күнделікті көшірмені сақтайды. Қайтқыңыз келетін көшірмені таңдаңыз. Фотосуреттер бөлек сақталады: қалпына келтіру оларды өзгертпейді.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Жасалған уақыты</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Өлшемі</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Қалпына келтіру…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Күнделікті</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Қолмен жасалған</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Қалпына келтіру алдында</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Жаңарту алдында</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Басқа</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>Сақтық көшірмелер оқылуда…</translation>
    </message>
    <message>
        <source>There are no backups yet. The first is made a moment after Taza Field starts.</source>
        <translation>Әзірге сақтық көшірме жоқ. Алғашқысы Taza Field іске қосылғаннан кейін бірден жасалады.</translation>
    </message>
    <message>
        <source>Replace the data on this laptop with the backup of {when} (records: {records})?

Records saved after that moment will no longer be in the list; those already sent stay on the server. A copy of the current data is kept first: it appears in this list as «Before a restore», to go back to.</source>
        <translation>Осы ноутбуктегі деректерді {when} кезіндегі сақтық көшірмемен (жазбалар: {records}) ауыстыру керек пе?

Одан кейін сақталған жазбалар тізімде болмайды; жіберіліп қойғандары серверде қалады. Алдымен қазіргі деректердің көшірмесі сақталады: ол осы тізімде «Қалпына келтіру алдында» деп көрсетіледі, оған қайтуға болады.</translation>
    </message>
    <message>
        <source>Replace the data</source>
        <translation>Деректерді ауыстыру</translation>
    </message>
</context>
<context>
    <name>CompletenessView</name>
    <message>
        <source>reported</source>
        <translation>есеп бар</translation>
    </message>
    <message>
        <source>nothing done</source>
        <translation>ештеңе болмады</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>есеп жоқ</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>ай жүріп жатыр</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>әлі басталмаған</translation>
    </message>
    <message>
        <source>The year the months are shown for</source>
        <translation>Айлары көрсетілетін жыл</translation>
    </message>
    <message>
        <source>Click a heading to sort: by name, by a month&apos;s state, by the last sync</source>
        <translation>Сұрыптау үшін тақырыпты басыңыз: атауы, айдың күйі немесе соңғы синхрондау бойынша</translation>
    </message>
    <message>
        <source>Green: records sent. Grey: the village reported that nothing was done. Red: nothing from the village yet. White: not expected yet (the month is under way, or it is before the okrug&apos;s first record). Rate: what was reported of what was expected. Click a cell to open its records.</source>
        <translation>Жасыл: жазбалар жіберілді. Сұр: ауыл ештеңе өткізілмегенін хабарлады. Қызыл: ауылдан әлі ештеңе жоқ. Ақ: әзірге күтілмейді (ай әлі біткен жоқ немесе округтің алғашқы жазбасына дейінгі ай). Үлес: күтілгеннің қаншасы тапсырылды. Жазбаларын ашу үшін ұяшықты басыңыз.</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Үлес</translation>
    </message>
    <message>
        <source>Reporting rate</source>
        <translation>Есеп тапсыру үлесі</translation>
    </message>
    <message>
        <source>{done} of {expected} expected reported</source>
        <translation>Күтілген {expected} есептің {done} тапсырылды</translation>
    </message>
    <message>
        <source>Rural okrug</source>
        <translation>Ауылдық округ</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Соңғы синхрондау</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>Бағдарлама нұсқасы</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Keep this laptop&apos;s version; the server&apos;s is replaced</source>
        <translation>Осы ноутбуктың нұсқасын қалдыру; сервердегісі ауыстырылады</translation>
    </message>
    <message>
        <source>Take the server&apos;s version; this laptop&apos;s changes are dropped</source>
        <translation>Сервердің нұсқасын алу; осы ноутбуктағы өзгерістерден бас тартылады</translation>
    </message>
    <message>
        <source>Keep the values chosen below, field by field</source>
        <translation>Төменде әр өріс бойынша таңдалған мәндерді қалдыру</translation>
    </message>
    <message>
        <source>Decide later: the record waits and is not sent</source>
        <translation>Кейін шешу: жазба күтеді және жіберілмейді</translation>
    </message>
    <message>
        <source>Two versions of one record</source>
        <translation>Бір жазбаның екі нұсқасы</translation>
    </message>
    <message>
        <source>The server has another version of this record, made elsewhere. Its copy has not been fetched yet: press «Send now», then open this record again.</source>
        <translation>Серверде бұл жазбаның басқа жерде жасалған басқа нұсқасы бар. Оның көшірмесі әлі алынған жоқ: «Қазір жіберу» батырмасын басып, жазбаны қайта ашыңыз.</translation>
    </message>
    <message>
        <source>The server has another version of this record, made elsewhere (its revision {server}). Choose what to keep: the differences are marked. Both versions stay in the record&apos;s history.</source>
        <translation>Серверде бұл жазбаның басқа жерде жасалған басқа нұсқасы бар ({server}-нұсқа). Нені қалдыру керегін таңдаңыз: айырмашылықтар белгіленген. Екі нұсқа да жазбаның тарихында сақталады.</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s version</source>
        <translation>Осы ноутбуктегі нұсқаны қалдыру</translation>
    </message>
    <message>
        <source>Take the server&apos;s version</source>
        <translation>Сервердегі нұсқаны алу</translation>
    </message>
    <message>
        <source>Keep the chosen values</source>
        <translation>Таңдалған мәндерді қалдыру</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Кейін шешу</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>Осы ноутбукта</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Серверде</translation>
    </message>
</context>
<context>
    <name>CoordinatorWindow</name>
    <message>
        <source>Fetch the district&apos;s new records and send your decisions (F9)</source>
        <translation>Ауданның жаңа жазбаларын алып, шешімдеріңізді жіберу (F9)</translation>
    </message>
    <message>
        <source>Stop fetching: what has come stays, the rest comes next time</source>
        <translation>Алуды тоқтату: келгені сақталады, қалғаны келесі жолы келеді</translation>
    </message>
    <message>
        <source>{district}: review</source>
        <translation>{district}: тексеру</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Шолу</translation>
    </message>
    <message>
        <source>Who has reported</source>
        <translation>Кім есеп берді</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Қайталануы мүмкін жазбалар</translation>
    </message>
    <message>
        <source>Month sign-off</source>
        <translation>Айды бекіту</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>&amp;Аудан</translation>
    </message>
    <message>
        <source>&amp;Refresh from the server</source>
        <translation>Серверден &amp;жаңарту</translation>
    </message>
    <message>
        <source>&amp;Import a village&apos;s USB file…</source>
        <translation>Ауылдың &amp;USB-файлын енгізу…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>Жүйеден &amp;шығу</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Ж&amp;абу</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Ө&amp;ңдеу</translation>
    </message>
    <message>
        <source>District report as &amp;Excel (XLSX)…</source>
        <translation>Аудан есебі &amp;Excel түрінде (XLSX)…</translation>
    </message>
    <message>
        <source>All records as &amp;CSV…</source>
        <translation>Барлық жазбалар &amp;CSV түрінде…</translation>
    </message>
    <message>
        <source>District report as &amp;PDF…</source>
        <translation>Аудан есебі &amp;PDF түрінде…</translation>
    </message>
    <message>
        <source>Photos by okrug as &amp;ZIP…</source>
        <translation>Округтер бойынша фотосуреттер (&amp;ZIP)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>А&amp;нықтама</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>Пайдаланушы &amp;нұсқаулығы</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>&amp;Диагностиканы сақтау…</translation>
    </message>
    <message>
        <source>&amp;About Taza Field</source>
        <translation>Taza Field &amp;туралы</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Тоқтату</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Болдырмайтын ештеңе жоқ.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Refreshing is under way and may be sending the decision. Wait until it ends, then undo.</source>
        <translation>Жаңарту жүріп жатыр, шешім қазір жіберілуі мүмкін. Ол аяқталғанша күтіп, содан кейін болдырмаңыз.</translation>
    </message>
    <message>
        <source>&amp;Undo the last decision</source>
        <translation>Соңғы шешімді &amp;болдырмау</translation>
    </message>
    <message>
        <source>District copy up to date</source>
        <translation>Аудан көшірмесі жаңартылған</translation>
    </message>
    <message>
        <source>Working from the district copy</source>
        <translation>Аудан көшірмесімен жұмыс істеп тұрсыз</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Жаңартылуда…</translation>
    </message>
    <message>
        <source>No connection: working from the district copy</source>
        <translation>Байланыс жоқ: аудан көшірмесімен жұмыс</translation>
    </message>
    <message>
        <source>The server had a problem: trying again later</source>
        <translation>Серверде ақау болды: кейінірек қайта талпынамыз</translation>
    </message>
    <message>
        <source>Your session has ended: log in again</source>
        <translation>Сеанс аяқталды: қайта кіріңіз</translation>
    </message>
    <message>
        <source>The laptop&apos;s disk is full: press Refresh once there is space</source>
        <translation>Ноутбуктың дискісі толы: орын босағанда «Жаңарту» батырмасын басыңыз</translation>
    </message>
    <message>
        <source>A problem on this laptop stopped the refresh: press Refresh to try again</source>
        <translation>Жаңартуды осы ноутбуктағы қате тоқтатты: қайталау үшін «Жаңарту» батырмасын басыңыз</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Кіру…</translation>
    </message>
    <message>
        <source>Could not count the decisions that wait: {reason}</source>
        <translation>Жіберуді күтіп тұрған шешімдерді санау мүмкін болмады: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) wait to be sent</source>
        <translation>
            <numerusform>%n шешім жіберуді күтуде</numerusform>
            <numerusform>%n шешім жіберуді күтуде</numerusform>
        </translation>
    </message>
    <message>
        <source>All decisions sent</source>
        <translation>Барлық шешімдер жіберілді</translation>
    </message>
    <message>
        <source>Sending decisions {done} of {total}</source>
        <translation>Шешімдер жіберілуде: {done} / {total}</translation>
    </message>
    <message>
        <source>Records received: {done}</source>
        <translation>Алынған жазбалар: {done}</translation>
    </message>
    <message>
        <source>Photos {done} of {total}</source>
        <translation>Фотосуреттер: {done} / {total}</translation>
    </message>
    <message>
        <source>A village&apos;s USB file</source>
        <translation>Ауылдың USB-файлы</translation>
    </message>
    <message>
        <source>Taza Field USB files (*.tazabundle)</source>
        <translation>Taza Field USB-файлдары (*.tazabundle)</translation>
    </message>
    <message>
        <source>USB file imported</source>
        <translation>USB-файл енгізілді</translation>
    </message>
    <message>
        <source>{okrug}: new records — {new}, already on the server — {known}, refused — {refused}; photos stored — {photos}.</source>
        <translation>{okrug}: жаңа жазбалар — {new}, серверде бұрыннан бар — {known}, қабылданбағаны — {refused}; сақталған фото — {photos}.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel кітаптары (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлдары (*.csv)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF құжаттары (*.pdf)</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>ZIP мұрағаттары (*.zip)</translation>
    </message>
    <message>
        <source>Export: {period}</source>
        <translation>Экспорт: {period}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Бірдеңе дұрыс болмады: {error}</translation>
    </message>
    <message>
        <source>Taza Field</source>
        <translation>Taza Field</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message numerus="yes">
        <source>(%n error(s) so far)</source>
        <translation>
            <numerusform>(әзірге %n қате)</numerusform>
            <numerusform>(әзірге %n қате)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Whole year</source>
        <translation>Жыл бойы</translation>
    </message>
    <message>
        <source>Only records I have accepted</source>
        <translation>Тек мен қабылдаған жазбалар</translation>
    </message>
    <message>
        <source>By rural okrug</source>
        <translation>Ауылдық округтер бойынша</translation>
    </message>
    <message>
        <source>By campaign</source>
        <translation>Акциялар бойынша</translation>
    </message>
    <message>
        <source>Click a row to open its records in the review</source>
        <translation>Жазбаларын қарау бетінде ашу үшін жолды басыңыз</translation>
    </message>
    <message>
        <source>Nothing recorded in this period.</source>
        <translation>Бұл кезеңде ештеңе тіркелмеген.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Есептелуде…</translation>
    </message>
    <message numerus="yes">
        <source>%n clean-up action(s)</source>
        <translation>
            <numerusform>%n акция</numerusform>
            <numerusform>%n акция</numerusform>
        </translation>
    </message>
    <message>
        <source>{tonnes} of waste collected, {hectares} cleaned, {people}</source>
        <translation>{tonnes} қалдық жиналды, {hectares} аумақ тазартылды, {people}</translation>
    </message>
    <message>
        <source>The year the totals are for</source>
        <translation>Қорытындылар қай жылға</translation>
    </message>
    <message>
        <source>One month of the year, or the whole year</source>
        <translation>Жылдың бір айы немесе бүкіл жыл</translation>
    </message>
    <message>
        <source>Count only the records you have accepted, not those waiting for review</source>
        <translation>Тек сіз қабылдаған жазбаларды санау, тексеруді күтіп тұрғандарын емес</translation>
    </message>
    <message>
        <source>{trees} planted</source>
        <translation>{trees} отырғызылды</translation>
    </message>
    <message>
        <source>Waste collected by month, t</source>
        <translation>Айлар бойынша жиналған қалдық, т</translation>
    </message>
    <message>
        <source>Waste by kind, t</source>
        <translation>Қалдық түрлері бойынша, т</translation>
    </message>
    <message>
        <source>year {year}</source>
        <translation>{year} жыл</translation>
    </message>
    <message>
        <source>Rural okrug</source>
        <translation>Ауылдық округ</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Акция</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Іс-шаралар</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Қатысушылар</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>Тонна</translation>
    </message>
    <message>
        <source>Hectares</source>
        <translation>Гектар</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>Ағаштар</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Барлығы</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>кк.аа.жжжж</translation>
    </message>
    <message>
        <source>Choose on a calendar (F4)</source>
        <translation>Күнтізбеден таңдау (F4)</translation>
    </message>
    <message>
        <source>Type the date as 28.11.2026 or 28112026; Up and Down arrows change it by a day</source>
        <translation>Күнді 28.11.2026 немесе 28112026 түрінде теріңіз; жоғары және төмен көрсеткілер оны бір күнге өзгертеді</translation>
    </message>
    <message>
        <source>today</source>
        <translation>бүгін</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>кеше</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n күннен кейін</numerusform>
            <numerusform>%n күннен кейін</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n күн бұрын</numerusform>
            <numerusform>%n күн бұрын</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateQuestion</name>
    <message>
        <source>Open this record to compare (the form stays as it is)</source>
        <translation>Салыстыру үшін осы жазбаны ашу (форма өзгеріссіз қалады)</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>These records share a settlement, a day, a campaign and a place: perhaps one action was entered twice. Return the one that repeats the other; the village will delete or correct it.</source>
        <translation>Бұл жазбалардың елді мекені, күні, акциясы және орны бірдей: бір іс-шара екі рет енгізілген болуы мүмкін. Екіншісін қайталайтынын қайтарыңыз; ауыл оны жояды немесе түзетеді.</translation>
    </message>
    <message>
        <source>No likely duplicates in the district.</source>
        <translation>Ауданда қайталанатын жазбалар жоқ сияқты.</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Қайталанған емес</translation>
    </message>
    <message>
        <source>These are different actions: stop showing them here, on every laptop of the district</source>
        <translation>Бұлар әртүрлі іс-шаралар: оларды бұл жерде, ауданның барлық ноутбуктарында енді көрсетпеу</translation>
    </message>
    <message>
        <source>Different actions after all? Say so: the group is no longer shown, and the server keeps who said it and when.</source>
        <translation>Әртүрлі іс-шаралар ма? Соны белгілеңіз: топ енді көрсетілмейді, ал сервер мұны кім және қашан айтқанын сақтайды.</translation>
    </message>
    <message numerus="yes">
        <source>{date} · {place} · {campaign}: %n record(s)</source>
        <translation>
            <numerusform>{date} · {place} · {campaign}: %n жазба</numerusform>
            <numerusform>{date} · {place} · {campaign}: %n жазба</numerusform>
        </translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Қатысушылар</translation>
    </message>
    <message>
        <source>Waste, t</source>
        <translation>Қалдық, т</translation>
    </message>
    <message>
        <source>Area, ha</source>
        <translation>Аумақ, га</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>Ағаштар</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотосуреттер</translation>
    </message>
    <message>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Толтырған</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>Record {n}</source>
        <translation>{n}-жазба</translation>
    </message>
    <message>
        <source>Return as a duplicate</source>
        <translation>Қайталанған деп қайтару</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>әзірге жоқ</translation>
    </message>
    <message>
        <source>cannot be shown</source>
        <translation>көрсету мүмкін емес</translation>
    </message>
    <message>
        <source>This looks like the same action as record {others}. Delete this one if it repeats it, or correct it and send it again.</source>
        <translation>Бұл {others} жазбасымен бірдей акция сияқты. Егер қайталанса, осы жазбаны жойыңыз, немесе түзетіп, қайта жіберіңіз.</translation>
    </message>
    <message numerus="yes">
        <source>Are these %n records different actions? The group is no longer shown as likely duplicates, here and on the other laptops of the district.</source>
        <translation>
            <numerusform>Бұл %n жазба әртүрлі іс-шаралар ма? Топ бұдан былай қайталануы мүмкін жазбалар арасында көрсетілмейді: мұнда да, ауданның басқа ноутбуктарында да.</numerusform>
            <numerusform>Бұл %n жазба әртүрлі іс-шаралар ма? Топ бұдан былай қайталануы мүмкін жазбалар арасында көрсетілмейді: мұнда да, ауданның басқа ноутбуктарында да.</numerusform>
        </translation>
    </message>
    <message>
        <source>Different actions</source>
        <translation>Әртүрлі іс-шаралар</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Open the connection file IT staff gave you (it holds the address and the code)</source>
        <translation>IT мамандары берген қосылу файлын ашу (онда мекенжай мен код бар)</translation>
    </message>
    <message>
        <source>The server&apos;s address, from IT staff (https://…)</source>
        <translation>Сервердің мекенжайы, IT мамандарынан (https://…)</translation>
    </message>
    <message>
        <source>The one-time enrolment code from IT staff, for your rural okrug</source>
        <translation>Ауылдық округіңізге арналған, IT мамандары берген бір реттік тіркеу коды</translation>
    </message>
    <message>
        <source>Connect to the server</source>
        <translation>Серверге қосылу</translation>
    </message>
    <message>
        <source>IT staff give each laptop a file or a one-time code. With it, this laptop gets its own access to the server and can send its records.</source>
        <translation>IT қызметкері әр ноутбукқа файл немесе бір реттік код береді. Соның көмегімен бұл ноутбук серверге өз рұқсатын алып, жазбаларын жібере алады.</translation>
    </message>
    <message>
        <source>&amp;Open the file from IT staff…</source>
        <translation>IT қызметкері берген &amp;файлды ашу…</translation>
    </message>
    <message>
        <source>or type the server&apos;s address and the code:</source>
        <translation>немесе сервер мекенжайы мен кодты теріңіз:</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;Сервер мекенжайы</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Код</translation>
    </message>
    <message>
        <source>&amp;Laptop name</source>
        <translation>&amp;Ноутбук атауы</translation>
    </message>
    <message>
        <source>How the server lists this laptop</source>
        <translation>Сервердегі тізімде бұл ноутбук осылай аталады</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Қосылу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Серверге қосылуда…</translation>
    </message>
    <message>
        <source>The file from IT staff</source>
        <translation>IT қызметкері берген файл</translation>
    </message>
    <message>
        <source>Enrolment files (*.json);;All files (*)</source>
        <translation>Қосылу файлдары (*.json);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, or open the file from IT staff.</source>
        <translation>Сервер мекенжайын теріңіз немесе IT қызметкері берген файлды ашыңыз.</translation>
    </message>
    <message>
        <source>Type the code from IT staff.</source>
        <translation>IT қызметкері берген кодты теріңіз.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Бірдеңе дұрыс болмады: {error}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Кезең:</translation>
    </message>
    <message>
        <source>The period chosen on the Dashboard tab: change it there for another one.</source>
        <translation>«Шолу» қойындысында таңдалған кезең: басқа кезең керек болса, сол жерде өзгертіңіз.</translation>
    </message>
    <message>
        <source>&amp;Language of the file:</source>
        <translation>Файлдың &amp;тілі:</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>Қайда сақтауды таңдау…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>The year {year}</source>
        <translation>{year} жыл</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>The data file cannot be written</source>
        <translation>Деректер файлына жазу мүмкін емес</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Қате шықты</translation>
    </message>
    <message>
        <source>Something went wrong in Taza Field</source>
        <translation>Taza Field-те қате шықты</translation>
    </message>
    <message>
        <source>Your saved records are safe. What happened is written in the log file: save the diagnostics and send the file to IT staff. If the window behaves oddly now, close it and open Taza Field again.</source>
        <translation>Сақталған жазбаларыңыз аман. Не болғаны журнал файлына жазылды: диагностиканы сақтап, файлды IT қызметкерлеріне жіберіңіз. Терезе енді оғаш жұмыс істесе, оны жауып, Taza Field-ті қайта ашыңыз.</translation>
    </message>
    <message>
        <source>Save diagnostics…</source>
        <translation>Диагностиканы сақтау…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Could not load: {reason}</source>
        <translation>Жүктеу мүмкін болмады: {reason}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Finds the settlement, place, notes, reporter or comment; Kazakh letters may be typed as Russian ones (к for қ)</source>
        <translation>Елді мекенді, орынды, ескертпені, толтырушыны немесе түсініктемені табады; қазақ әріптерін орыс әріптерімен теруге болады (қ орнына к)</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>Барлық айлар</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Барлық акциялар</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Барлық мәртебелер</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Назар аударуды қажет етеді</translation>
    </message>
    <message>
        <source>Search: settlement, place, notes, reporter</source>
        <translation>Іздеу: елді мекен, орын, ескертпе, толтырушы</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Ай</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Акция</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Save diagnostics</source>
        <translation>Диагностиканы сақтау</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>ZIP мұрағаттары (*.zip)</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path}</source>
        <translation>Диагностика сақталды: {path}</translation>
    </message>
    <message>
        <source>The diagnostics are saved in {path}.

The file holds no passwords or tokens: it can be sent to IT staff.</source>
        <translation>Диагностика {path} файлына сақталды.

Файлда құпиясөздер мен токендер жоқ: оны IT қызметкеріне жіберуге болады.</translation>
    </message>
    <message>
        <source>About Taza Field</source>
        <translation>Taza Field туралы</translation>
    </message>
    <message>
        <source>Taza Field {version}
Logging the clean-up actions of the «Таза Қазақстан» programme.</source>
        <translation>Taza Field {version}
«Таза Қазақстан» бағдарламасының тазалық акцияларын есепке алу.</translation>
    </message>
    <message>
        <source>Support: {contact}</source>
        <translation>Қолдау: {contact}</translation>
    </message>
    <message>
        <source>No support contact has been set on the server yet: ask your district&apos;s IT staff.</source>
        <translation>Серверде қолдау байланысы әлі көрсетілмеген: ауданыңыздың IT мамандарынан сұраңыз.</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Пайдаланушы нұсқаулығы</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of the record</source>
        <translation>Жазбаның тарихы</translation>
    </message>
    <message numerus="yes">
        <source>Record {id}: %n step(s)</source>
        <translation>
            <numerusform>{id} жазбасы: %n қадам</numerusform>
            <numerusform>{id} жазбасы: %n қадам</numerusform>
        </translation>
    </message>
    <message>
        <source>Every version the record has had is kept on this laptop; the newest is last.</source>
        <translation>Жазбаның әр нұсқасы осы ноутбукта сақталады; ең жаңасы — соңында.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Не болды</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Қайда</translation>
    </message>
    <message>
        <source>on this laptop</source>
        <translation>осы ноутбукта</translation>
    </message>
    <message>
        <source>on the server</source>
        <translation>серверде</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Не өзгерді</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>The server&apos;s address, from IT staff (https://…)</source>
        <translation>Сервердің мекенжайы, IT мамандарынан (https://…)</translation>
    </message>
    <message>
        <source>The user name IT staff made for you</source>
        <translation>IT мамандары сізге жасаған пайдаланушы аты</translation>
    </message>
    <message>
        <source>Log in as a district coordinator</source>
        <translation>Аудан үйлестірушісі ретінде кіру</translation>
    </message>
    <message>
        <source>Coordinators review the records of their district, see who has not reported and export the district&apos;s report. IT staff give you the server&apos;s address and your user name.</source>
        <translation>Үйлестірушілер өз ауданының жазбаларын тексереді, кім есеп бермегенін көреді және аудан есебін шығарады. Сервер мекенжайы мен пайдаланушы атын IT қызметкерлері береді.</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;Сервер мекенжайы</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Пайдаланушы аты</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Құпиясөз</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Кіріп жатырмыз…</translation>
    </message>
    <message>
        <source>Fill in the server&apos;s address, your user name and your password.</source>
        <translation>Сервер мекенжайын, пайдаланушы атын және құпиясөзді толтырыңыз.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Бірдеңе дұрыс болмады: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clean-up actions</source>
        <translation>Тазалық акциялары</translation>
    </message>
    <message>
        <source>+ New action</source>
        <translation>+ Жаңа акция</translation>
    </message>
    <message>
        <source>Log a clean-up action (Ctrl+N)</source>
        <translation>Тазалық акциясын енгізу (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>&amp;Акциялар</translation>
    </message>
    <message>
        <source>&amp;New action…</source>
        <translation>&amp;Жаңа акция…</translation>
    </message>
    <message>
        <source>&amp;Open selected…</source>
        <translation>Таңдалғанды &amp;ашу…</translation>
    </message>
    <message>
        <source>&amp;Delete selected…</source>
        <translation>Таңдалғанды жо&amp;ю…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>Change rural o&amp;krug…</source>
        <translation>Ауылдық &amp;округті өзгерту…</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>Сақтық көшірмеден &amp;қалпына келтіру…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Ө&amp;ңдеу</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Жаңарту</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>А&amp;нықтама</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>Пайдаланушы &amp;нұсқаулығы</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>&amp;Диагностиканы сақтау…</translation>
    </message>
    <message>
        <source>&amp;About Taza Field</source>
        <translation>Taza Field &amp;туралы</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Көрсету</translation>
    </message>
    <message>
        <source>&amp;Sending</source>
        <translation>&amp;Жіберу</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>Қазір &amp;жіберу</translation>
    </message>
    <message>
        <source>S&amp;top sending</source>
        <translation>Жіберуді &amp;тоқтату</translation>
    </message>
    <message>
        <source>Write a &amp;USB file…</source>
        <translation>&amp;USB-файл жазу…</translation>
    </message>
    <message>
        <source>&amp;Connect to the server…</source>
        <translation>Серверге &amp;қосылу…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Есептер</translation>
    </message>
    <message>
        <source>A month with &amp;nothing done…</source>
        <translation>&amp;Ештеңе өткізілмеген ай…</translation>
    </message>
    <message>
        <source>The &amp;month&apos;s report (PDF)…</source>
        <translation>&amp;Айлық есеп (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Receipt for the selected record (PDF)…</source>
        <translation>Таңдалған жазбаның &amp;түбіртегі (PDF)…</translation>
    </message>
    <message>
        <source>Could not count the records: {reason}</source>
        <translation>Жазбаларды санау мүмкін болмады: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln жазба</numerusform>
            <numerusform>%Ln жазба</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches these filters.</source>
        <translation>Бұл сүзгілерге сәйкес жазба жоқ.</translation>
    </message>
    <message>
        <source>No clean-up actions yet.
Click «+ New action» to log the first one.</source>
        <translation>Әзірге тазалық акциялары жоқ.
Алғашқысын енгізу үшін «+ Жаңа акция» батырмасын басыңыз.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not take %n record(s): open each to see why and what to do.</source>
        <translation>
            <numerusform>Сервер %n жазбаны қабылдамады: себебін және не істеу керегін көру үшін оны ашыңыз.</numerusform>
            <numerusform>Сервер %n жазбаны қабылдамады: себебін және не істеу керегін көру үшін әрқайсысын ашыңыз.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) returned by the coordinator: please correct and send again.</source>
        <translation>
            <numerusform>Үйлестіруші %n жазбаны қайтарды: түзетіп, қайта жіберіңіз.</numerusform>
            <numerusform>Үйлестіруші %n жазбаны қайтарды: түзетіп, қайта жіберіңіз.</numerusform>
        </translation>
    </message>
    <message>
        <source>Coordinator&apos;s comment: {comment}</source>
        <translation>Үйлестірушінің пікірі: {comment}</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>Жазбаны жою</translation>
    </message>
    <message>
        <source>Delete the record «{record}»?</source>
        <translation>«{record}» жазбасы жойылсын ба?</translation>
    </message>
    <message>
        <source>Its history is kept, and the coordinator is told. Until it is sent, Edit → Undo (Ctrl+Z) brings it back.</source>
        <translation>Оның тарихы сақталады, үйлестірушіге хабарланады. Жіберілгенге дейін Өңдеу → Болдырмау (Ctrl+Z) оны қайтарады.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Deleted «{record}». Edit → Undo (Ctrl+Z) brings it back until it is sent.</source>
        <translation>«{record}» жойылды. Жіберілгенге дейін Өңдеу → Болдырмау (Ctrl+Z) оны қайтарады.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Болдырмайтын ештеңе жоқ.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Sending is under way. Wait until it ends (or stop it), then undo.</source>
        <translation>Жіберу жүріп жатыр. Ол аяқталғанша күтіңіз (немесе тоқтатыңыз), содан кейін болдырмаңыз.</translation>
    </message>
    <message>
        <source>«{record}» is back.</source>
        <translation>«{record}» қайтарылды.</translation>
    </message>
    <message>
        <source>«{record}» cannot be brought back: {reason}</source>
        <translation>«{record}» жазбасын қайтару мүмкін емес: {reason}</translation>
    </message>
    <message>
        <source>&amp;Undo deleting «{record}»</source>
        <translation>«{record}» жоюын &amp;болдырмау</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Болдырмау</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>List only the records the coordinator returned, to correct them</source>
        <translation>Түзету үшін тек үйлестіруші қайтарған жазбаларды көрсету</translation>
    </message>
    <message>
        <source>List only the records the server refused or found edited in two places</source>
        <translation>Тек сервер қабылдамаған немесе екі жерде өзгертілген жазбаларды көрсету</translation>
    </message>
    <message>
        <source>Click a column heading to sort by it, again for the other way</source>
        <translation>Баған тақырыбын бассаңыз, тізім сол бойынша сұрыпталады, қайта бассаңыз — кері ретпен</translation>
    </message>
    <message>
        <source>Unfinished photo files could not be removed: {reason}</source>
        <translation>Аяқталмаған фото файлдарын жою мүмкін болмады: {reason}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Бірдеңе дұрыс болмады: {error}</translation>
    </message>
    <message>
        <source>Taza Field</source>
        <translation>Taza Field</translation>
    </message>
    <message>
        <source>Change rural okrug</source>
        <translation>Ауылдық округті өзгерту</translation>
    </message>
    <message>
        <source>This laptop already holds records of «{okrug}», so its okrug cannot be changed. If it was set up wrongly, ask your IT staff.</source>
        <translation>Бұл ноутбукта «{okrug}» жазбалары бар, сондықтан округті өзгертуге болмайды. Қате бапталған болса, IT қызметкерлеріне хабарласыңыз.</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be made: {reason}</source>
        <translation>Бүгінгі сақтық көшірме жасалмады: {reason}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Сақтық көшірмеден қалпына келтіру</translation>
    </message>
    <message>
        <source>Sending is under way. Wait until it ends (or stop it), then restore.</source>
        <translation>Қазір жіберіліп жатыр. Ол аяқталғанша күтіңіз (немесе тоқтатыңыз), содан кейін қалпына келтіріңіз.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Сақтық көшірме қалпына келтірілуде…</translation>
    </message>
    <message>
        <source>The backup&apos;s data are back. Records on this laptop now: {records}.

The data as they were just before are kept too: choose «Before a restore» in the same list to go back to them.</source>
        <translation>Сақтық көшірмедегі деректер қалпына келтірілді. Ноутбуктегі жазбалар саны: {records}.

Оған дейінгі деректер де сақталды: оларға қайту үшін сол тізімнен «Қалпына келтіру алдында» дегенді таңдаңыз.</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Жіберу</translation>
    </message>
    <message>
        <source>Write a USB file</source>
        <translation>USB-файл жазу</translation>
    </message>
    <message>
        <source>Taza Field USB files (*.tazabundle)</source>
        <translation>Taza Field USB-файлдары (*.tazabundle)</translation>
    </message>
    <message>
        <source>Written to {path}: {records} and {photos}. Take the file to the district coordinator; the records stay here until the server confirms them.</source>
        <translation>{path} файлына жазылды: {records} және {photos}. Файлды аудан үйлестірушісіне апарыңыз; жазбалар сервер растағанша осы ноутбукта қалады.</translation>
    </message>
    <message>
        <source>Reported: nothing done {month}. It goes with the next sync.</source>
        <translation>Хабарланды: {month} ештеңе өткізілмеді. Келесі синхрондаумен жіберіледі.</translation>
    </message>
    <message>
        <source>The month&apos;s report</source>
        <translation>Айлық есеп</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF құжаттары (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Түбіртек</translation>
    </message>
    <message>
        <source>Choose a record the district has accepted: receipts are for accepted records.</source>
        <translation>Аудан қабылдаған жазбаны таңдаңыз: түбіртек тек қабылданған жазбаларға беріледі.</translation>
    </message>
</context>
<context>
    <name>MonthChoiceDialog</name>
    <message>
        <source>The month&apos;s report</source>
        <translation>Айлық есеп</translation>
    </message>
    <message>
        <source>Which month?</source>
        <translation>Қай ай?</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>NilReportDialog</name>
    <message>
        <source>A month with nothing done</source>
        <translation>Ештеңе өткізілмеген ай</translation>
    </message>
    <message>
        <source>If no clean-up was held in a month, say so here: the district then sees «nothing done» for that month instead of «missing». If you log an action for the month later, this report is withdrawn by itself.</source>
        <translation>Егер айда бірде-бір тазалық акциясы өткізілмесе, осында хабарлаңыз: аудан сол айға «есеп жоқ» емес, «ештеңе болмады» деп көреді. Кейін сол айға акция енгізсеңіз, бұл хабар өзінен-өзі кері қайтарылады.</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Ай</translation>
    </message>
    <message>
        <source>&amp;Reason (optional)</source>
        <translation>&amp;Себебі (міндетті емес)</translation>
    </message>
    <message>
        <source>For example: deep snow, the roads were closed</source>
        <translation>Мысалы: қар қалың, жолдар жабық болды</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Хабарлау</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Already reported as nothing done: {months}.</source>
        <translation>«Ештеңе болмады» деп бұрын хабарланған: {months}.</translation>
    </message>
    <message>
        <source>Every recent month has records or a report already.</source>
        <translation>Соңғы айлардың бәрінде жазба немесе хабар бар.</translation>
    </message>
</context>
<context>
    <name>OkrugDialog</name>
    <message>
        <source>Type a part of the rural okrug&apos;s or the district&apos;s name, in Kazakh or Russian</source>
        <translation>Ауылдық округтің немесе ауданның атауының бір бөлігін қазақша не орысша теріңіз</translation>
    </message>
    <message>
        <source>For district coordinators: log in to review the district&apos;s records instead</source>
        <translation>Аудан үйлестірушілеріне: оның орнына аудан жазбаларын тексеру үшін кіру</translation>
    </message>
    <message>
        <source>Your rural okrug</source>
        <translation>Сіздің ауылдық округіңіз</translation>
    </message>
    <message>
        <source>Welcome to Taza Field</source>
        <translation>Taza Field-ке қош келдіңіз</translation>
    </message>
    <message>
        <source>Which rural okrug does this laptop report for? Until the first record is saved, you can change it in the Actions menu.</source>
        <translation>Бұл ноутбук қай ауылдық округ бойынша есеп береді? Алғашқы жазба сақталғанға дейін оны «Акциялар» мәзірінен өзгертуге болады.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Find your okrug by name</source>
        <translation>Округіңізді атауы бойынша табыңыз</translation>
    </message>
    <message>
        <source>Type the name in Kazakh or Russian, e.g. Қайнар</source>
        <translation>Атауын қазақша немесе орысша жазыңыз, мысалы: Қайнар</translation>
    </message>
    <message>
        <source>Or choose it from the lists</source>
        <translation>Немесе тізімнен таңдаңыз</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Облыс</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Аудан</translation>
    </message>
    <message>
        <source>Rural okrug</source>
        <translation>Ауылдық округ</translation>
    </message>
    <message>
        <source>Your okrug will be shown here once you choose it.</source>
        <translation>Округті таңдағаннан кейін ол осында көрсетіледі.</translation>
    </message>
    <message>
        <source>Use this okrug</source>
        <translation>Осы округті таңдау</translation>
    </message>
    <message>
        <source>I am a district coordinator</source>
        <translation>Мен аудан үйлестірушісімін</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Choose a region…</source>
        <translation>Облысты таңдаңыз…</translation>
    </message>
    <message>
        <source>No rural okrugs</source>
        <translation>Ауылдық округ жоқ</translation>
    </message>
    <message>
        <source>Choose a district…</source>
        <translation>Ауданды таңдаңыз…</translation>
    </message>
    <message>
        <source>Choose an okrug…</source>
        <translation>Округті таңдаңыз…</translation>
    </message>
    <message>
        <source>{region} has no rural okrugs, only city districts. Choose the region your okrug is in.</source>
        <translation>{region} құрамында ауылдық округ жоқ, тек қала аудандары бар. Округіңіз орналасқан облысты таңдаңыз.</translation>
    </message>
    <message>
        <source>KATO {code}</source>
        <translation>ҚАТО {code}</translation>
    </message>
    <message>
        <source>KATO lists no settlements under it.</source>
        <translation>ҚАТО-да оған қарасты елді мекен көрсетілмеген.</translation>
    </message>
    <message numerus="yes">
        <source>%n settlement(s): {names}</source>
        <translation>
            <numerusform>%n елді мекен: {names}</numerusform>
            <numerusform>%n елді мекен: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>No okrug matches «{query}». Check the spelling, or type just the start of the name.</source>
        <translation>«{query}» бойынша округ табылмады. Жазылуын тексеріңіз немесе атауының басын ғана жазыңыз.</translation>
    </message>
    <message>
        <source>Showing the first {count}: type more of the name.</source>
        <translation>Алғашқы {count} нәтиже көрсетілді: атауын толығырақ жазыңыз.</translation>
    </message>
    <message numerus="yes">
        <source>%n okrug(s) found: click one, or press Enter to choose the highlighted one.</source>
        <translation>
            <numerusform>%n округ табылды: керегін басыңыз немесе белгіленгенін Enter пернесімен таңдаңыз.</numerusform>
            <numerusform>%n округ табылды: керегін басыңыз немесе белгіленгенін Enter пернесімен таңдаңыз.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoCard</name>
    <message>
        <source>What the photo shows: before, during or after the clean-up</source>
        <translation>Фотосуретте не бейнеленген: тазалау жұмыстарына дейін, барысында немесе кейін</translation>
    </message>
    <message>
        <source>Photo role</source>
        <translation>Фотосурет түрі</translation>
    </message>
    <message>
        <source>Remove this photo (Delete)</source>
        <translation>Бұл фотосуретті алып тастау (Delete)</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Фотосуретті алып тастау</translation>
    </message>
    <message>
        <source>Open large (Enter)</source>
        <translation>Үлкейтіп ашу (Enter)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Сурет жоқ</translation>
    </message>
    <message>
        <source>Taken {when}</source>
        <translation>Түсірілген уақыты: {when}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photos…</source>
        <translation>Фото қосу…</translation>
    </message>
    <message>
        <source>Choose photos on this computer ({formats}). You can also drag them onto this area.</source>
        <translation>Осы компьютердегі фотосуреттерді таңдаңыз ({formats}). Оларды осы аймаққа сүйреп әкелуге де болады.</translation>
    </message>
    <message>
        <source>No photos yet — add them or drop them here</source>
        <translation>Әзірге фотосурет жоқ — оларды қосыңыз немесе осында сүйреп әкеліңіз</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>Барлығын жабу</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Бұл хабарды жабу</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Фотосуреттер ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Фотосуреттерді қосу</translation>
    </message>
    <message>
        <source>“{name}” was not added again: the same photo is already attached.</source>
        <translation>«{name}» қайта қосылмады: дәл осы фотосурет тіркеліп қойған.</translation>
    </message>
    <message>
        <source>“{name}” could not be added because of an error in the program. It has been written to the log.</source>
        <translation>Бағдарламадағы қатеге байланысты «{name}» қосылмады. Қате журналға жазылды.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not added: an action can have at most {max} photos.</source>
        <translation>
            <numerusform>%n файл қосылмады: бір акцияға ең көбі {max} фотосурет тіркеуге болады.</numerusform>
            <numerusform>%n файл қосылмады: бір акцияға ең көбі {max} фотосурет тіркеуге болады.</numerusform>
        </translation>
    </message>
    <message>
        <source>Processing {current} of {total}…</source>
        <translation>Өңделуде: {current} / {total}…</translation>
    </message>
    <message>
        <source>{count} of {max} photos</source>
        <translation>Фото: {count} / {max}</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>Фотосурет</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>This photo is not on this computer.</source>
        <translation>Бұл фотосурет осы компьютерде жоқ.</translation>
    </message>
    <message>
        <source>The photo could not be read.</source>
        <translation>Фотосуретті оқу мүмкін болмады.</translation>
    </message>
    <message>
        <source>Taken {when}</source>
        <translation>Түсірілген уақыты: {when}</translation>
    </message>
    <message>
        <source>GPS {position}</source>
        <translation>GPS координаттары: {position}</translation>
    </message>
    <message>
        <source>the camera&apos;s time and place are not known here</source>
        <translation>камераның уақыты мен орны мұнда белгісіз</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Please check</source>
        <translation>Тексеріңіз</translation>
    </message>
    <message>
        <source>Some figures look unusual. Save anyway?</source>
        <translation>Кейбір сандар әдеттен тыс көрінеді. Бәрібір сақтау керек пе?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Бәрібір сақтау</translation>
    </message>
    <message>
        <source>Go back and check</source>
        <translation>Оралып тексеру</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Қайталануы мүмкін</translation>
    </message>
    <message>
        <source>This settlement already has a record of this campaign on this day at this place. Is this a different clean-up?</source>
        <translation>Бұл елді мекенде осы күні осы орында осы акцияның жазбасы бар. Бұл басқа тазалық іс-шарасы ма?</translation>
    </message>
    <message>
        <source>Yes, save it too</source>
        <translation>Иә, мұны да сақтау</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <source>Accepted record</source>
        <translation>Қабылданған жазба</translation>
    </message>
    <message>
        <source>The coordinator has accepted this record. If you change it, it goes to review again.</source>
        <translation>Үйлестіруші бұл жазбаны қабылдаған. Өзгертсеңіз, ол қайтадан тексеруге жіберіледі.</translation>
    </message>
    <message>
        <source>Change it</source>
        <translation>Өзгерту</translation>
    </message>
    <message>
        <source>Keep it as it is</source>
        <translation>Өзгертпеу</translation>
    </message>
    <message>
        <source>Close the form</source>
        <translation>Пішінді жабу</translation>
    </message>
    <message>
        <source>Close without saving? What you typed will be lost.</source>
        <translation>Сақтамай жабу керек пе? Енгізгеніңіз жоғалады.</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Сақтамай жабу</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Толтыруды жалғастыру</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Елді мекен</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Акция</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Қатысушылар</translation>
    </message>
    <message>
        <source>Area, ha</source>
        <translation>Аумақ, га</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>Ағаштар</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотосуреттер</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Толтырған</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>Record {id}</source>
        <translation>{id} жазбасы</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen the month</source>
        <translation>Айды қайта ашу</translation>
    </message>
    <message>
        <source>Why is {what} reopened? The reason is kept and shown at every level.</source>
        <translation>{what} неге қайта ашылады? Себебі сақталып, барлық деңгейде көрсетіледі.</translation>
    </message>
    <message>
        <source>For example: Қайнар sent a subbotnik of 28 March late</source>
        <translation>Мысалы: Қайнар 28 наурыздағы сенбілікті кеш жіберді</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Қайта ашу</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return to the village</source>
        <translation>Ауылға қайтару</translation>
    </message>
    <message numerus="yes">
        <source>What should the village correct? It sees this comment with the %n record(s).</source>
        <translation>
            <numerusform>Ауыл нені түзетуі керек? Ауыл бұл пікірді %n жазбамен бірге көреді.</numerusform>
            <numerusform>Ауыл нені түзетуі керек? Ауыл бұл пікірді %n жазбамен бірге көреді.</numerusform>
        </translation>
    </message>
    <message>
        <source>For example: the photos before and after the clean-up are missing.</source>
        <translation>Мысалы: тазалыққа дейінгі және кейінгі фотосуреттер жоқ.</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>ReviewTable</name>
    <message>
        <source>Rural okrug</source>
        <translation>Ауылдық округ</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Only the records of one rural okrug</source>
        <translation>Тек бір ауылдық округтің жазбалары</translation>
    </message>
    <message>
        <source>Only the records of one settlement of the rural okrug</source>
        <translation>Тек ауылдық округтің бір елді мекенінің жазбалары</translation>
    </message>
    <message>
        <source>Only the records of one campaign</source>
        <translation>Тек бір акцияның жазбалары</translation>
    </message>
    <message>
        <source>Only the records of one month</source>
        <translation>Тек бір айдың жазбалары</translation>
    </message>
    <message>
        <source>Records waiting for your decision, or those already accepted or returned</source>
        <translation>Шешіміңізді күтіп тұрған жазбалар немесе қабылданған не қайтарылған жазбалар</translation>
    </message>
    <message>
        <source>Finds the settlement, place, notes, reporter or comment</source>
        <translation>Елді мекенді, орынды, ескертпені, толтырушыны немесе түсініктемені табады</translation>
    </message>
    <message>
        <source>Click a column heading to sort by it, again for the other way</source>
        <translation>Баған тақырыбын бассаңыз, тізім сол бойынша сұрыпталады, қайта бассаңыз — кері ретпен</translation>
    </message>
    <message>
        <source>All okrugs</source>
        <translation>Барлық округтер</translation>
    </message>
    <message>
        <source>All settlements</source>
        <translation>Барлық елді мекендер</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Барлық акциялар</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>Барлық айлар</translation>
    </message>
    <message>
        <source>Whole year {year}</source>
        <translation>{year} жыл толығымен</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Тексеруді күтуде</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Қабылданды</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Қайтарылды</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Барлық күйлер</translation>
    </message>
    <message>
        <source>Search: settlement, place, notes, reporter</source>
        <translation>Іздеу: елді мекен, орын, ескертпе, толтырушы</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n жазба</numerusform>
            <numerusform>%n жазба</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a record in the list.</source>
        <translation>Тізімнен жазбаны таңдаңыз.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Қабылдау</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Қайтару…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) selected</source>
        <translation>
            <numerusform>%n жазба таңдалды</numerusform>
            <numerusform>%n жазба таңдалды</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them wait(s) for review</source>
        <translation>
            <numerusform>Тексеруді күтетіні: %n</numerusform>
            <numerusform>Тексеруді күтетіні: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Together: {people}, {tonnes}</source>
        <translation>Барлығы: {people}, {tonnes}</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n</source>
        <translation>
            <numerusform>Қабылдау (%n)</numerusform>
            <numerusform>Қабылдау (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return %n…</source>
        <translation>
            <numerusform>Қайтару (%n)…</numerusform>
            <numerusform>Қайтару (%n)…</numerusform>
        </translation>
    </message>
    <message>
        <source>{action} · {key}</source>
        <translation>{action} · {key}</translation>
    </message>
    <message>
        <source>Accept the selected records. {key} in the list does the same.</source>
        <translation>Таңдалған жазбаларды қабылдау. Тізімдегі {key} пернесі де осыны істейді.</translation>
    </message>
    <message>
        <source>Return the selected records to the village with a comment ({key}).</source>
        <translation>Таңдалған жазбаларды пікірмен ауылға қайтару ({key}).</translation>
    </message>
    <message>
        <source>Participants: {n}</source>
        <translation>Қатысушылар: {n}</translation>
    </message>
    <message>
        <source>Area cleaned: {ha} ha</source>
        <translation>Тазартылған аумақ: {ha} га</translation>
    </message>
    <message>
        <source>Trees planted: {n}</source>
        <translation>Отырғызылған ағаштар: {n}</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Орны: {place}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Ескертпе: {notes}</translation>
    </message>
    <message>
        <source>Returned: {comment}</source>
        <translation>Қайтарылды: {comment}</translation>
    </message>
    <message>
        <source>Accepted.</source>
        <translation>Қабылданды.</translation>
    </message>
    <message>
        <source>{role} · double-click or Enter opens it large</source>
        <translation>{role} · екі рет басу немесе Enter үлкейтіп ашады</translation>
    </message>
    <message>
        <source>Record {id} · {date} · {place} — {campaign}</source>
        <translation>{id} жазбасы · {date} · {place} — {campaign}</translation>
    </message>
    <message>
        <source>GPS of the action {position}</source>
        <translation>Іс-шараның GPS-і {position}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>әзірге жоқ</translation>
    </message>
    <message>
        <source>cannot be shown</source>
        <translation>көрсету мүмкін емес</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Тексеру</translation>
    </message>
</context>
<context>
    <name>SignoffView</name>
    <message>
        <source>Something went wrong on this laptop; the log has the details.</source>
        <translation>Осы ноутбукте бірдеңе дұрыс болмады; толығырақ журналда.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>The chain: district → region → ministry</source>
        <translation>Тізбек: аудан → облыс → министрлік</translation>
    </message>
    <message>
        <source>Sign-offs and reopenings</source>
        <translation>Бекітулер мен қайта ашулар</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Деңгей</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Sign off {month}</source>
        <translation>Бекіту: {month}</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Қайта ашу…</translation>
    </message>
    <message>
        <source>As of {moment}</source>
        <translation>{moment} жағдай бойынша</translation>
    </message>
    <message>
        <source>Not read from the server yet</source>
        <translation>Серверден әлі оқылған жоқ</translation>
    </message>
    <message>
        <source>The chain of this month has not been read yet.</source>
        <translation>Осы айдың тізбегі әлі оқылған жоқ.</translation>
    </message>
    <message>
        <source>Nothing has been signed off or reopened for this month yet.</source>
        <translation>Бұл ай үшін әлі ештеңе бекітілген де, қайта ашылған да жоқ.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Could not read what waits to be sent: {reason}</source>
        <translation>Жіберуді не күтіп тұрғанын оқу мүмкін болмады: {reason}</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Тоқтату</translation>
    </message>
    <message>
        <source>Stop sending: what has gone stays on the server</source>
        <translation>Жіберуді тоқтату: жіберілгені серверде қалады</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Қосылу…</translation>
    </message>
    <message>
        <source>Connect this laptop to the server with the code from IT staff</source>
        <translation>IT қызметкері берген кодпен ноутбукты серверге қосу</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Қазір жіберу</translation>
    </message>
    <message>
        <source>Send what waits and fetch the coordinator&apos;s decisions</source>
        <translation>Күтіп тұрғанды жіберу және үйлестірушінің шешімдерін алу</translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>Серверге қосылмаған</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Жіберілуде…</translation>
    </message>
    <message>
        <source>Sending is set up</source>
        <translation>Жіберу бапталған</translation>
    </message>
    <message>
        <source>Connected to the server</source>
        <translation>Серверге қосылған</translation>
    </message>
    <message>
        <source>The connection broke off: trying again at {time}</source>
        <translation>Байланыс үзілді: {time} кезінде қайта әрекет жасалады</translation>
    </message>
    <message>
        <source>The connection broke off: trying again later</source>
        <translation>Байланыс үзілді: кейінірек қайта әрекет жасалады</translation>
    </message>
    <message>
        <source>The server had a problem: trying again at {time}</source>
        <translation>Серверде ақау: {time} кезінде қайта әрекет жасалады</translation>
    </message>
    <message>
        <source>The server had a problem: trying again later</source>
        <translation>Серверде ақау: кейінірек қайта әрекет жасалады</translation>
    </message>
    <message>
        <source>The laptop&apos;s disk is full: sending stopped until you press Send now</source>
        <translation>Ноутбуктың дискісі толы: «Қазір жіберу» батырмасын басқанша жіберу тоқтатылды</translation>
    </message>
    <message>
        <source>A problem on this laptop stopped sending: press Send now to try again</source>
        <translation>Жіберуді осы ноутбуктағы қате тоқтатты: қайталау үшін «Қазір жіберу» батырмасын басыңыз</translation>
    </message>
    <message>
        <source>This version cannot send: install the new one</source>
        <translation>Бұл нұсқа жібере алмайды: жаңасын орнатыңыз</translation>
    </message>
    <message>
        <source>Access revoked: connect this laptop again</source>
        <translation>Рұқсат қайтарылып алынды: ноутбукты қайта қосыңыз</translation>
    </message>
    <message>
        <source>No connection: trying again now…</source>
        <translation>Байланыс жоқ: қазір қайта тексерілуде…</translation>
    </message>
    <message>
        <source>No connection: next try at {time}</source>
        <translation>Байланыс жоқ: келесі әрекет {time} кезінде</translation>
    </message>
    <message>
        <source>No connection: press Send now to try again</source>
        <translation>Байланыс жоқ: қайта көру үшін «Қазір жіберу» басыңыз</translation>
    </message>
    <message>
        <source>Tried at {time}: the server could not be reached.</source>
        <translation>{time} кезінде тексерілді: серверге қосылу мүмкін болмады.</translation>
    </message>
    <message>
        <source>The records wait on this laptop and go by themselves once it answers.</source>
        <translation>Жазбалар осы ноутбукта күтіп тұр, сервер жауап бергенде өздігінен жіберіледі.</translation>
    </message>
    <message>
        <source>Nothing waits to be sent</source>
        <translation>Жіберуді күтіп тұрған ештеңе жоқ</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln жазба</numerusform>
            <numerusform>%Ln жазба</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln фото</numerusform>
            <numerusform>%Ln фото</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting to be sent: {what}</source>
        <translation>Жіберуді күтуде: {what}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln need(s) attention</source>
        <translation>
            <numerusform>%Ln жазба назар аударуды қажет етеді</numerusform>
            <numerusform>%Ln жазба назар аударуды қажет етеді</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln wait(s) for a closed month to reopen</source>
        <translation>
            <numerusform>%Ln жазба айдың ашылуын күтеді</numerusform>
            <numerusform>%Ln жазба айдың ашылуын күтеді</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Соңғы синхрондау: әлі болған жоқ</translation>
    </message>
    <message>
        <source>Last sync: today {time}</source>
        <translation>Соңғы синхрондау: бүгін {time}</translation>
    </message>
    <message>
        <source>Last sync: {date} {time}</source>
        <translation>Соңғы синхрондау: {date} {time}</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Қосылуда…</translation>
    </message>
    <message>
        <source>Fetching the coordinator&apos;s decisions</source>
        <translation>Үйлестірушінің шешімдері алынуда</translation>
    </message>
    <message>
        <source>Records {done} of {total}</source>
        <translation>Жазбалар: {done}/{total}</translation>
    </message>
    <message>
        <source>photos {done} of {total} ({bytes_done} of {bytes_total})</source>
        <translation>фото: {done}/{total} ({bytes_done} / {bytes_total})</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>шамамен %n секунд қалды</numerusform>
            <numerusform>шамамен %n секунд қалды</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>шамамен %n минут қалды</numerusform>
            <numerusform>шамамен %n минут қалды</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>{name}: {tonnes} t</source>
        <translation>{name}: {tonnes} т</translation>
    </message>
    <message>
        <source>Other fractions</source>
        <translation>Басқа фракциялар</translation>
    </message>
    <message>
        <source>t collected</source>
        <translation>т қалдық жиналды</translation>
    </message>
    <message>
        <source>ha cleaned</source>
        <translation>га тазартылды</translation>
    </message>
    <message>
        <source>This year: {actions} · {participants} · {tonnes} t · {hectares} ha · {trees}</source>
        <translation>Осы жыл: {actions} · {participants} · {tonnes} т · {hectares} га · {trees}</translation>
    </message>
    <message>
        <source>Okrug totals</source>
        <translation>Округ бойынша жиынтық</translation>
    </message>
    <message>
        <source>This month — {month}</source>
        <translation>Осы ай — {month}</translation>
    </message>
    <message>
        <source>This year — {year}</source>
        <translation>Осы жыл — {year}</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Download page</source>
        <translation>Жүктеу беті</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Жасыру</translation>
    </message>
    <message>
        <source>Do not show this again for this version</source>
        <translation>Бұл нұсқа туралы хабарды енді көрсетпеу</translation>
    </message>
    <message>
        <source>A newer version of Taza Field ({version}) is available. Ask IT staff to install it, or download it from the download page.</source>
        <translation>Taza Field-тің жаңа нұсқасы ({version}) шықты. Оны орнатуды IT қызметкерінен сұраңыз немесе жүктеу бетінен өзіңіз жүктеп алыңыз.</translation>
    </message>
    <message>
        <source>A newer version of Taza Field ({version}) is available. Ask IT staff to install it.</source>
        <translation>Taza Field-тің жаңа нұсқасы ({version}) шықты. Оны орнатуды IT қызметкерінен сұраңыз.</translation>
    </message>
    <message>
        <source>What is new: {notes}</source>
        <translation>Жаңалығы: {notes}</translation>
    </message>
    <message>
        <source>This laptop has version {current}.</source>
        <translation>Бұл ноутбуктегі нұсқа: {current}.</translation>
    </message>
</context>
</TS>
