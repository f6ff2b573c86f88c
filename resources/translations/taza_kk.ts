<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
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
        <source>Cancel</source>
        <translation>Бас тарту</translation>
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
    <message>
        <source>This is not a number.</source>
        <translation>Бұл сан емес.</translation>
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
    <name>ConflictDialog</name>
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
    <name>EnrolDialog</name>
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
    <name>FilterBar</name>
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
    <name>MainWindow</name>
    <message>
        <source>Taza Field — {okrug}</source>
        <translation>Taza Field — {okrug}</translation>
    </message>
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
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
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
        <source>Delete this record? Its history is kept, and the coordinator is told.</source>
        <translation>Бұл жазбаны жою керек пе? Оның тарихы сақталады, үйлестірушіге хабарланады.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Қалдыру</translation>
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
        <source>Written to {path}: {records} records and {photos} photos. Take the file to the district coordinator; the records stay here until the server confirms them.</source>
        <translation>{path} файлына жазылды: {records} жазба және {photos} фото. Файлды аудан үйлестірушісіне апарыңыз; жазбалар сервер растағанша осы ноутбукта қалады.</translation>
    </message>
</context>
<context>
    <name>OkrugDialog</name>
    <message>
        <source>Taza Field: your okrug</source>
        <translation>Taza Field: сіздің округіңіз</translation>
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
        <source>This settlement already has a record of this campaign on this day. Is this a different clean-up?</source>
        <translation>Осы елді мекенде осы күні осы акция бойынша жазба бар. Бұл басқа тазалық акциясы ма?</translation>
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
    <name>StatusPanel</name>
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
        <source>No connection: records wait and go by themselves</source>
        <translation>Байланыс жоқ: жазбалар күтіп тұр, өздігінен жіберіледі</translation>
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
        <source>This version cannot send: install the new one</source>
        <translation>Бұл нұсқа жібере алмайды: жаңасын орнатыңыз</translation>
    </message>
    <message>
        <source>Access revoked: connect this laptop again</source>
        <translation>Рұқсат қайтарылып алынды: ноутбукты қайта қосыңыз</translation>
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
        <source>Waiting to be sent: {records}, {photos}</source>
        <translation>Жіберуді күтуде: {records}, {photos}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln need(s) attention</source>
        <translation>
            <numerusform>%Ln жазба назар аударуды қажет етеді</numerusform>
            <numerusform>%Ln жазба назар аударуды қажет етеді</numerusform>
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
        <source>photos {done} of {total}</source>
        <translation>фото: {done}/{total}</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
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
        <source>This year: {actions} actions · {participants} participants · {tonnes} t · {hectares} ha · {trees} trees</source>
        <translation>Осы жыл: {actions} акция · {participants} қатысушы · {tonnes} т · {hectares} га · {trees} ағаш</translation>
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
    <message>
        <source>actions</source>
        <translation>акция</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>қатысушы</translation>
    </message>
    <message>
        <source>tonnes collected</source>
        <translation>тонна жиналды</translation>
    </message>
    <message>
        <source>hectares cleaned</source>
        <translation>гектар тазартылды</translation>
    </message>
    <message>
        <source>trees planted</source>
        <translation>ағаш отырғызылды</translation>
    </message>
</context>
</TS>
