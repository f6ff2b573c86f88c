<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>The village of your rural okrug where the action took place</source>
        <translation>Населённый пункт вашего сельского округа, где прошла акция</translation>
    </message>
    <message>
        <source>The day of the action, typed as dd.mm.yyyy or picked in the calendar</source>
        <translation>День акции: введите в виде дд.мм.гггг или выберите в календаре</translation>
    </message>
    <message>
        <source>The programme&apos;s campaign the action was part of (subbotnik, World Cleanup Day…)</source>
        <translation>К какой акции программы относится мероприятие (субботник, Всемирный день чистоты…)</translation>
    </message>
    <message>
        <source>Where exactly: a street, a park, a river bank</source>
        <translation>Где именно: улица, парк, берег реки</translation>
    </message>
    <message>
        <source>How many people took part, volunteers included</source>
        <translation>Сколько человек участвовало, включая волонтёров</translation>
    </message>
    <message>
        <source>The area cleaned, in hectares (up to 2 decimals)</source>
        <translation>Убранная площадь в гектарах (до 2 знаков после запятой)</translation>
    </message>
    <message>
        <source>Trees and seedlings planted; 0 if none</source>
        <translation>Посаженные деревья и саженцы; 0, если не сажали</translation>
    </message>
    <message>
        <source>Latitude in degrees (for example 43.25); filled from a photo&apos;s GPS when it has one</source>
        <translation>Широта в градусах (например, 43,25); заполняется из GPS фотографии, если он есть</translation>
    </message>
    <message>
        <source>Longitude in degrees (for example 77.05); filled from a photo&apos;s GPS when it has one</source>
        <translation>Долгота в градусах (например, 77,05); заполняется из GPS фотографии, если он есть</translation>
    </message>
    <message>
        <source>Who fills in the record: the coordinator sees this name</source>
        <translation>Кто заполняет запись: координатор увидит это имя</translation>
    </message>
    <message>
        <source>Anything the coordinator should know about this action</source>
        <translation>Всё, что координатору нужно знать об этой акции</translation>
    </message>
    <message>
        <source>Where and when</source>
        <translation>Где и когда</translation>
    </message>
    <message>
        <source>People and results</source>
        <translation>Участники и результаты</translation>
    </message>
    <message>
        <source>Waste collected, tonnes</source>
        <translation>Собрано отходов, тонн</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотографии</translation>
    </message>
    <message>
        <source>&amp;Settlement</source>
        <translation>&amp;Населённый пункт</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Дата</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>&amp;Акция</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>&amp;Место проведения</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Участники</translation>
    </message>
    <message>
        <source>&amp;Area cleaned</source>
        <translation>Убранная &amp;площадь</translation>
    </message>
    <message>
        <source>&amp;Trees planted</source>
        <translation>Посажено д&amp;еревьев</translation>
    </message>
    <message>
        <source>&amp;GPS (lat., long.)</source>
        <translation>&amp;GPS (широта, долгота)</translation>
    </message>
    <message>
        <source>&amp;Reported by</source>
        <translation>&amp;Кто заполнил</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>П&amp;римечания</translation>
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
        <translation>например, берег реки у школы</translation>
    </message>
    <message>
        <source>Type a name in Kazakh or Russian</source>
        <translation>Введите название по-казахски или по-русски</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>широта</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>долгота</translation>
    </message>
    <message>
        <source>{fraction}: tonnes collected, up to 3 decimals (0.25 t is 250 kg)</source>
        <translation>{fraction}: собрано тонн, до 3 знаков после запятой (0,25 т — это 250 кг)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <source>Every version of this record, as stored on this laptop</source>
        <translation>Все версии этой записи, сохранённые на этом ноутбуке</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>Сохранить черновик</translation>
    </message>
    <message>
        <source>Keep it on this laptop to finish later (Ctrl+S)</source>
        <translation>Оставить на этом ноутбуке, чтобы закончить позже (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save, ready to send</source>
        <translation>Сохранить, готово к отправке</translation>
    </message>
    <message>
        <source>It will be sent at the next connection (Ctrl+Enter)</source>
        <translation>Будет отправлено при следующем подключении (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Edit clean-up action</source>
        <translation>Изменить акцию по уборке</translation>
    </message>
    <message>
        <source>New clean-up action</source>
        <translation>Новая акция по уборке</translation>
    </message>
    <message>
        <source>Choose a campaign…</source>
        <translation>Выберите акцию…</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need correcting: see the red notes above.</source>
        <translation>
            <numerusform>%n поле нужно исправить: см. красные пометки выше.</numerusform>
            <numerusform>%n поля нужно исправить: см. красные пометки выше.</numerusform>
            <numerusform>%n полей нужно исправить: см. красные пометки выше.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: {tonnes} t</source>
        <translation>Итого: {tonnes} т</translation>
    </message>
    <message>
        <source>from {photo}</source>
        <translation>из снимка {photo}</translation>
    </message>
</context>
<context>
    <name>ActionEditor</name>
    <message>
        <source>(no comment)</source>
        <translation>(без комментария)</translation>
    </message>
    <message>
        <source>The coordinator returned this record: «{comment}». Correct it and save it as ready to send.</source>
        <translation>Координатор вернул эту запись: «{comment}». Исправьте её и сохраните как готовую к отправке.</translation>
    </message>
    <message>
        <source>The coordinator has accepted this record.</source>
        <translation>Координатор принял эту запись.</translation>
    </message>
    <message>
        <source>This record has been sent. Saving a change sends the new version.</source>
        <translation>Эта запись уже отправлена. Если сохранить изменения, будет отправлена новая версия.</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n участник</numerusform>
            <numerusform>%n участника</numerusform>
            <numerusform>%n участников</numerusform>
        </translation>
    </message>
    <message>
        <source>The record cannot be shown: {error}</source>
        <translation>Запись не удаётся показать: {error}</translation>
    </message>
    <message>
        <source>The record could not be saved: {error}. Nothing was changed.</source>
        <translation>Не удалось сохранить запись: {error}. Ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>ActionTable</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Акция</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>Тонн</translation>
    </message>
    <message>
        <source>Hectares</source>
        <translation>Гектаров</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Returned by the coordinator: {comment}</source>
        <translation>Возвращено координатором: {comment}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Taza Field backs up its data once a day when it starts and keeps the last {keep} daily backups. Choose the one to go back to. Photos are kept apart: restoring leaves them as they are.</source>
        <translation>Taza Field раз в день при запуске делает резервную копию данных и хранит последние {keep} ежедневных копий. Выберите копию, к которой нужно вернуться. Фотографии хранятся отдельно: восстановление их не меняет.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Когда сделана</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Восстановить…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Ежедневная</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Сделана вручную</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Перед восстановлением</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Перед обновлением</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другая</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>Чтение резервных копий…</translation>
    </message>
    <message>
        <source>There are no backups yet. The first is made a moment after Taza Field starts.</source>
        <translation>Резервных копий пока нет. Первая делается вскоре после запуска Taza Field.</translation>
    </message>
    <message>
        <source>Replace the data on this laptop with the backup of {when} (records: {records})?

Records saved after that moment will no longer be in the list; those already sent stay on the server. A copy of the current data is kept first: it appears in this list as «Before a restore», to go back to.</source>
        <translation>Заменить данные на этом ноутбуке резервной копией от {when} (записей: {records})?

Записи, сохранённые после этого момента, пропадут из списка; уже отправленные останутся на сервере. Сначала сохраняется копия текущих данных: она появится в этом списке как «Перед восстановлением», и к ней можно будет вернуться.</translation>
    </message>
    <message>
        <source>Replace the data</source>
        <translation>Заменить данные</translation>
    </message>
</context>
<context>
    <name>CompletenessView</name>
    <message>
        <source>reported</source>
        <translation>есть отчёт</translation>
    </message>
    <message>
        <source>nothing done</source>
        <translation>ничего не было</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>нет отчёта</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>месяц идёт</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>ещё не начали</translation>
    </message>
    <message>
        <source>The year the months are shown for</source>
        <translation>Год, за который показаны месяцы</translation>
    </message>
    <message>
        <source>Click a heading to sort: by name, by a month&apos;s state, by the last sync</source>
        <translation>Щёлкните заголовок, чтобы отсортировать: по названию, по состоянию месяца, по последней синхронизации</translation>
    </message>
    <message>
        <source>Green: records sent. Grey: the village reported that nothing was done. Red: nothing from the village yet. White: not expected yet (the month is under way, or it is before the okrug&apos;s first record). Rate: what was reported of what was expected. Click a cell to open its records.</source>
        <translation>Зелёный: записи отправлены. Серый: село сообщило, что ничего не проводилось. Красный: от села пока ничего нет. Белый: пока не ожидается (месяц ещё идёт или он раньше первой записи округа). Доля: сколько сдано из ожидаемого. Нажмите на ячейку, чтобы открыть её записи.</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Доля</translation>
    </message>
    <message>
        <source>Reporting rate</source>
        <translation>Доля сданных отчётов</translation>
    </message>
    <message>
        <source>{done} of {expected} expected reported</source>
        <translation>Сдано {done} из {expected} ожидаемых</translation>
    </message>
    <message>
        <source>Rural okrug</source>
        <translation>Сельский округ</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Последняя синхронизация</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>Версия программы</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Keep this laptop&apos;s version; the server&apos;s is replaced</source>
        <translation>Оставить версию этого ноутбука; версия сервера будет заменена</translation>
    </message>
    <message>
        <source>Take the server&apos;s version; this laptop&apos;s changes are dropped</source>
        <translation>Взять версию сервера; изменения на этом ноутбуке будут отброшены</translation>
    </message>
    <message>
        <source>Keep the values chosen below, field by field</source>
        <translation>Оставить значения, выбранные ниже по каждому полю</translation>
    </message>
    <message>
        <source>Decide later: the record waits and is not sent</source>
        <translation>Решить позже: запись ждёт и не отправляется</translation>
    </message>
    <message>
        <source>Two versions of one record</source>
        <translation>Две версии одной записи</translation>
    </message>
    <message>
        <source>The server has another version of this record, made elsewhere. Its copy has not been fetched yet: press «Send now», then open this record again.</source>
        <translation>На сервере есть другая версия этой записи, сделанная в другом месте. Её копия ещё не получена: нажмите «Отправить сейчас» и откройте запись снова.</translation>
    </message>
    <message>
        <source>The server has another version of this record, made elsewhere (its revision {server}). Choose what to keep: the differences are marked. Both versions stay in the record&apos;s history.</source>
        <translation>На сервере есть другая версия этой записи, сделанная в другом месте (версия {server}). Выберите, что оставить: различия отмечены. Обе версии сохранятся в истории записи.</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s version</source>
        <translation>Оставить версию ноутбука</translation>
    </message>
    <message>
        <source>Take the server&apos;s version</source>
        <translation>Взять версию сервера</translation>
    </message>
    <message>
        <source>Keep the chosen values</source>
        <translation>Оставить выбранные значения</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Решить позже</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>На ноутбуке</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>На сервере</translation>
    </message>
</context>
<context>
    <name>CoordinatorWindow</name>
    <message>
        <source>Fetch the district&apos;s new records and send your decisions (F9)</source>
        <translation>Получить новые записи района и отправить ваши решения (F9)</translation>
    </message>
    <message>
        <source>Stop fetching: what has come stays, the rest comes next time</source>
        <translation>Прервать получение: полученное сохранится, остальное придёт в следующий раз</translation>
    </message>
    <message>
        <source>{district}: review</source>
        <translation>{district}: проверка</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Who has reported</source>
        <translation>Кто отчитался</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Возможные дубликаты</translation>
    </message>
    <message>
        <source>Month sign-off</source>
        <translation>Утверждение месяца</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>&amp;Район</translation>
    </message>
    <message>
        <source>&amp;Refresh from the server</source>
        <translation>&amp;Обновить с сервера</translation>
    </message>
    <message>
        <source>&amp;Import a village&apos;s USB file…</source>
        <translation>Загрузить &amp;USB-файл села…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>Выйти из &amp;учётной записи</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>District report as &amp;Excel (XLSX)…</source>
        <translation>Отчёт района в &amp;Excel (XLSX)…</translation>
    </message>
    <message>
        <source>All records as &amp;CSV…</source>
        <translation>Все записи в &amp;CSV…</translation>
    </message>
    <message>
        <source>District report as &amp;PDF…</source>
        <translation>Отчёт района в &amp;PDF…</translation>
    </message>
    <message>
        <source>Photos by okrug as &amp;ZIP…</source>
        <translation>Фотографии по округам (&amp;ZIP)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>В&amp;ид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>Руководство &amp;пользователя</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Сохранить &amp;диагностику…</translation>
    </message>
    <message>
        <source>&amp;About Taza Field</source>
        <translation>&amp;О программе Taza Field</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Прервать</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Нечего отменять.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отмена действия</translation>
    </message>
    <message>
        <source>Refreshing is under way and may be sending the decision. Wait until it ends, then undo.</source>
        <translation>Идёт обновление, решение может отправляться прямо сейчас. Дождитесь его окончания, затем отмените.</translation>
    </message>
    <message>
        <source>&amp;Undo the last decision</source>
        <translation>&amp;Отменить последнее решение</translation>
    </message>
    <message>
        <source>District copy up to date</source>
        <translation>Копия района актуальна</translation>
    </message>
    <message>
        <source>Working from the district copy</source>
        <translation>Работа с копией района</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Обновление…</translation>
    </message>
    <message>
        <source>No connection: working from the district copy</source>
        <translation>Нет связи: работа с копией района</translation>
    </message>
    <message>
        <source>The server had a problem: trying again later</source>
        <translation>На сервере произошла ошибка: повторим позже</translation>
    </message>
    <message>
        <source>Your session has ended: log in again</source>
        <translation>Сеанс завершён: войдите снова</translation>
    </message>
    <message>
        <source>The laptop&apos;s disk is full: press Refresh once there is space</source>
        <translation>Диск ноутбука заполнен: освободите место и нажмите «Обновить»</translation>
    </message>
    <message>
        <source>A problem on this laptop stopped the refresh: press Refresh to try again</source>
        <translation>Обновление остановила ошибка на этом ноутбуке: нажмите «Обновить», чтобы повторить</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Войти…</translation>
    </message>
    <message>
        <source>Could not count the decisions that wait: {reason}</source>
        <translation>Не удалось посчитать решения, ожидающие отправки: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) wait to be sent</source>
        <translation>
            <numerusform>%n решение ждёт отправки</numerusform>
            <numerusform>%n решения ждут отправки</numerusform>
            <numerusform>%n решений ждут отправки</numerusform>
        </translation>
    </message>
    <message>
        <source>All decisions sent</source>
        <translation>Все решения отправлены</translation>
    </message>
    <message>
        <source>Sending decisions {done} of {total}</source>
        <translation>Отправка решений: {done} из {total}</translation>
    </message>
    <message>
        <source>Records received: {done}</source>
        <translation>Получено записей: {done}</translation>
    </message>
    <message>
        <source>Photos {done} of {total}</source>
        <translation>Фотографии: {done} из {total}</translation>
    </message>
    <message>
        <source>A village&apos;s USB file</source>
        <translation>USB-файл села</translation>
    </message>
    <message>
        <source>Taza Field USB files (*.tazabundle)</source>
        <translation>USB-файлы Taza Field (*.tazabundle)</translation>
    </message>
    <message>
        <source>USB file imported</source>
        <translation>USB-файл загружен</translation>
    </message>
    <message>
        <source>{okrug}: new records — {new}, already on the server — {known}, refused — {refused}; photos stored — {photos}.</source>
        <translation>{okrug}: новых записей — {new}, уже были на сервере — {known}, отклонено — {refused}; сохранено фотографий — {photos}.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>Архивы ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Export: {period}</source>
        <translation>Экспорт: {period}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Что-то пошло не так: {error}</translation>
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
            <numerusform>(пока %n ошибка)</numerusform>
            <numerusform>(пока %n ошибки)</numerusform>
            <numerusform>(пока %n ошибок)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Whole year</source>
        <translation>Весь год</translation>
    </message>
    <message>
        <source>Only records I have accepted</source>
        <translation>Только принятые мной записи</translation>
    </message>
    <message>
        <source>By rural okrug</source>
        <translation>По сельским округам</translation>
    </message>
    <message>
        <source>By campaign</source>
        <translation>По акциям</translation>
    </message>
    <message>
        <source>Click a row to open its records in the review</source>
        <translation>Нажмите на строку, чтобы открыть её записи на вкладке проверки</translation>
    </message>
    <message>
        <source>Nothing recorded in this period.</source>
        <translation>За этот период ничего не записано.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message numerus="yes">
        <source>%n clean-up action(s)</source>
        <translation>
            <numerusform>%n акция</numerusform>
            <numerusform>%n акции</numerusform>
            <numerusform>%n акций</numerusform>
        </translation>
    </message>
    <message>
        <source>{tonnes} of waste collected, {hectares} cleaned, {people}</source>
        <translation>Собрано {tonnes} отходов, убрано {hectares}, {people}</translation>
    </message>
    <message>
        <source>The year the totals are for</source>
        <translation>Год, за который подведены итоги</translation>
    </message>
    <message>
        <source>One month of the year, or the whole year</source>
        <translation>Один месяц года или весь год</translation>
    </message>
    <message>
        <source>Count only the records you have accepted, not those waiting for review</source>
        <translation>Считать только принятые вами записи, без ожидающих проверки</translation>
    </message>
    <message>
        <source>{trees} planted</source>
        <translation>посажено {trees}</translation>
    </message>
    <message>
        <source>Waste collected by month, t</source>
        <translation>Собрано отходов по месяцам, т</translation>
    </message>
    <message>
        <source>Waste by kind, t</source>
        <translation>Отходы по видам, т</translation>
    </message>
    <message>
        <source>year {year}</source>
        <translation>{year} год</translation>
    </message>
    <message>
        <source>Rural okrug</source>
        <translation>Сельский округ</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Акция</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Мероприятия</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>Тонн</translation>
    </message>
    <message>
        <source>Hectares</source>
        <translation>Гектаров</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>Деревья</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <source>Choose on a calendar (F4)</source>
        <translation>Выбрать в календаре (F4)</translation>
    </message>
    <message>
        <source>Type the date as 28.11.2026 or 28112026; Up and Down arrows change it by a day</source>
        <translation>Введите дату как 28.11.2026 или 28112026; стрелки вверх и вниз меняют её на один день</translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>вчера</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>через %n день</numerusform>
            <numerusform>через %n дня</numerusform>
            <numerusform>через %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n день назад</numerusform>
            <numerusform>%n дня назад</numerusform>
            <numerusform>%n дней назад</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateQuestion</name>
    <message>
        <source>Open this record to compare (the form stays as it is)</source>
        <translation>Открыть эту запись для сравнения (форма останется как есть)</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>These records share a settlement, a day, a campaign and a place: perhaps one action was entered twice. Return the one that repeats the other; the village will delete or correct it.</source>
        <translation>У этих записей совпадают населённый пункт, день, акция и место: возможно, одно мероприятие внесено дважды. Верните ту, что повторяет другую; село удалит или исправит её.</translation>
    </message>
    <message>
        <source>No likely duplicates in the district.</source>
        <translation>Возможных дубликатов в районе нет.</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Не дубликаты</translation>
    </message>
    <message>
        <source>These are different actions: stop showing them here, on every laptop of the district</source>
        <translation>Это разные мероприятия: больше не показывать их здесь, на всех ноутбуках района</translation>
    </message>
    <message>
        <source>Different actions after all? Say so: the group is no longer shown, and the server keeps who said it and when.</source>
        <translation>Всё же разные мероприятия? Отметьте это: группа больше не показывается, а сервер сохраняет, кто и когда это решил.</translation>
    </message>
    <message numerus="yes">
        <source>{date} · {place} · {campaign}: %n record(s)</source>
        <translation>
            <numerusform>{date} · {place} · {campaign}: %n запись</numerusform>
            <numerusform>{date} · {place} · {campaign}: %n записи</numerusform>
            <numerusform>{date} · {place} · {campaign}: %n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Waste, t</source>
        <translation>Отходы, т</translation>
    </message>
    <message>
        <source>Area, ha</source>
        <translation>Площадь, га</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>Деревья</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотографии</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Автор записи</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Record {n}</source>
        <translation>Запись {n}</translation>
    </message>
    <message>
        <source>Return as a duplicate</source>
        <translation>Вернуть как дубликат</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>пока нет</translation>
    </message>
    <message>
        <source>cannot be shown</source>
        <translation>не удаётся показать</translation>
    </message>
    <message>
        <source>This looks like the same action as record {others}. Delete this one if it repeats it, or correct it and send it again.</source>
        <translation>Похоже, это то же мероприятие, что и запись {others}. Удалите эту запись, если она повторяет ту, или исправьте её и отправьте снова.</translation>
    </message>
    <message numerus="yes">
        <source>Are these %n records different actions? The group is no longer shown as likely duplicates, here and on the other laptops of the district.</source>
        <translation>
            <numerusform>Эта %n запись — разные мероприятия? Группа больше не будет показана как возможные дубликаты — ни здесь, ни на других ноутбуках района.</numerusform>
            <numerusform>Эти %n записи — разные мероприятия? Группа больше не будет показана как возможные дубликаты — ни здесь, ни на других ноутбуках района.</numerusform>
            <numerusform>Эти %n записей — разные мероприятия? Группа больше не будет показана как возможные дубликаты — ни здесь, ни на других ноутбуках района.</numerusform>
        </translation>
    </message>
    <message>
        <source>Different actions</source>
        <translation>Разные мероприятия</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Open the connection file IT staff gave you (it holds the address and the code)</source>
        <translation>Открыть файл подключения от ИТ-специалистов (в нём адрес и код)</translation>
    </message>
    <message>
        <source>The server&apos;s address, from IT staff (https://…)</source>
        <translation>Адрес сервера от ИТ-специалистов (https://…)</translation>
    </message>
    <message>
        <source>The one-time enrolment code from IT staff, for your rural okrug</source>
        <translation>Одноразовый код подключения от ИТ-специалистов для вашего сельского округа</translation>
    </message>
    <message>
        <source>Connect to the server</source>
        <translation>Подключение к серверу</translation>
    </message>
    <message>
        <source>IT staff give each laptop a file or a one-time code. With it, this laptop gets its own access to the server and can send its records.</source>
        <translation>IT-специалист выдаёт каждому ноутбуку файл или одноразовый код. С ним этот ноутбук получит свой доступ к серверу и сможет отправлять записи.</translation>
    </message>
    <message>
        <source>&amp;Open the file from IT staff…</source>
        <translation>&amp;Открыть файл от IT-специалиста…</translation>
    </message>
    <message>
        <source>or type the server&apos;s address and the code:</source>
        <translation>или введите адрес сервера и код:</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>Адрес &amp;сервера</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Код</translation>
    </message>
    <message>
        <source>&amp;Laptop name</source>
        <translation>&amp;Имя ноутбука</translation>
    </message>
    <message>
        <source>How the server lists this laptop</source>
        <translation>Под этим именем ноутбук будет в списке на сервере</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Подключение к серверу…</translation>
    </message>
    <message>
        <source>The file from IT staff</source>
        <translation>Файл от IT-специалиста</translation>
    </message>
    <message>
        <source>Enrolment files (*.json);;All files (*)</source>
        <translation>Файлы подключения (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, or open the file from IT staff.</source>
        <translation>Введите адрес сервера или откройте файл от IT-специалиста.</translation>
    </message>
    <message>
        <source>Type the code from IT staff.</source>
        <translation>Введите код от IT-специалиста.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Что-то пошло не так: {error}</translation>
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
        <translation>Период:</translation>
    </message>
    <message>
        <source>The period chosen on the Dashboard tab: change it there for another one.</source>
        <translation>Период, выбранный на вкладке «Сводка»: для другого периода измените его там.</translation>
    </message>
    <message>
        <source>&amp;Language of the file:</source>
        <translation>&amp;Язык файла:</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>Выбрать, куда сохранить…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The year {year}</source>
        <translation>{year} год</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>The data file cannot be written</source>
        <translation>Невозможно записать файл данных</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Произошла ошибка</translation>
    </message>
    <message>
        <source>Something went wrong in Taza Field</source>
        <translation>В Taza Field произошла ошибка</translation>
    </message>
    <message>
        <source>Your saved records are safe. What happened is written in the log file: save the diagnostics and send the file to IT staff. If the window behaves oddly now, close it and open Taza Field again.</source>
        <translation>Сохранённые записи в порядке. Что произошло, записано в журнал: сохраните диагностику и отправьте файл IT-специалистам. Если окно теперь ведёт себя странно, закройте его и откройте Taza Field снова.</translation>
    </message>
    <message>
        <source>Save diagnostics…</source>
        <translation>Сохранить диагностику…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Could not load: {reason}</source>
        <translation>Не удалось загрузить: {reason}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Finds the settlement, place, notes, reporter or comment; Kazakh letters may be typed as Russian ones (к for қ)</source>
        <translation>Ищет населённый пункт, место, примечание, автора или комментарий; казахские буквы можно набирать русскими (к вместо қ)</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>Все месяцы</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Все акции</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Требуют внимания</translation>
    </message>
    <message>
        <source>Search: settlement, place, notes, reporter</source>
        <translation>Поиск: населённый пункт, место, примечания, автор</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Акция</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Save diagnostics</source>
        <translation>Сохранить диагностику</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>Архивы ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path}</source>
        <translation>Диагностика сохранена: {path}</translation>
    </message>
    <message>
        <source>The diagnostics are saved in {path}.

The file holds no passwords or tokens: it can be sent to IT staff.</source>
        <translation>Диагностика сохранена в файл {path}.

В файле нет паролей и токенов: его можно отправить IT-специалисту.</translation>
    </message>
    <message>
        <source>About Taza Field</source>
        <translation>О программе Taza Field</translation>
    </message>
    <message>
        <source>Taza Field {version}
Logging the clean-up actions of the «Таза Қазақстан» programme.</source>
        <translation>Taza Field {version}
Учёт акций по уборке программы «Таза Қазақстан».</translation>
    </message>
    <message>
        <source>Support: {contact}</source>
        <translation>Поддержка: {contact}</translation>
    </message>
    <message>
        <source>No support contact has been set on the server yet: ask your district&apos;s IT staff.</source>
        <translation>Контакт поддержки на сервере ещё не указан: обратитесь к ИТ-специалистам вашего района.</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of the record</source>
        <translation>История записи</translation>
    </message>
    <message numerus="yes">
        <source>Record {id}: %n step(s)</source>
        <translation>
            <numerusform>Запись {id}: %n шаг</numerusform>
            <numerusform>Запись {id}: %n шага</numerusform>
            <numerusform>Запись {id}: %n шагов</numerusform>
        </translation>
    </message>
    <message>
        <source>Every version the record has had is kept on this laptop; the newest is last.</source>
        <translation>Каждая версия записи хранится на этом ноутбуке; самая новая — последняя.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>on this laptop</source>
        <translation>на этом ноутбуке</translation>
    </message>
    <message>
        <source>on the server</source>
        <translation>на сервере</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>The server&apos;s address, from IT staff (https://…)</source>
        <translation>Адрес сервера от ИТ-специалистов (https://…)</translation>
    </message>
    <message>
        <source>The user name IT staff made for you</source>
        <translation>Имя пользователя, созданное для вас ИТ-специалистами</translation>
    </message>
    <message>
        <source>Log in as a district coordinator</source>
        <translation>Вход для координатора района</translation>
    </message>
    <message>
        <source>Coordinators review the records of their district, see who has not reported and export the district&apos;s report. IT staff give you the server&apos;s address and your user name.</source>
        <translation>Координаторы проверяют записи своего района, видят, кто не отчитался, и выгружают отчёт района. Адрес сервера и имя пользователя выдают IT-специалисты.</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;Адрес сервера</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Имя пользователя</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Пароль</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Выполняется вход…</translation>
    </message>
    <message>
        <source>Fill in the server&apos;s address, your user name and your password.</source>
        <translation>Укажите адрес сервера, имя пользователя и пароль.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Что-то пошло не так: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clean-up actions</source>
        <translation>Акции по уборке</translation>
    </message>
    <message>
        <source>+ New action</source>
        <translation>+ Новая акция</translation>
    </message>
    <message>
        <source>Log a clean-up action (Ctrl+N)</source>
        <translation>Внести акцию по уборке (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>&amp;Акции</translation>
    </message>
    <message>
        <source>&amp;New action…</source>
        <translation>&amp;Новая акция…</translation>
    </message>
    <message>
        <source>&amp;Open selected…</source>
        <translation>&amp;Открыть выбранную…</translation>
    </message>
    <message>
        <source>&amp;Delete selected…</source>
        <translation>&amp;Удалить выбранную…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>Change rural o&amp;krug…</source>
        <translation>Из&amp;менить сельский округ…</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>Восстановить из &amp;резервной копии…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>Руководство &amp;пользователя</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Сохранить &amp;диагностику…</translation>
    </message>
    <message>
        <source>&amp;About Taza Field</source>
        <translation>&amp;О программе Taza Field</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>&amp;Sending</source>
        <translation>&amp;Отправка</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Отправить сейчас</translation>
    </message>
    <message>
        <source>S&amp;top sending</source>
        <translation>&amp;Прервать отправку</translation>
    </message>
    <message>
        <source>Write a &amp;USB file…</source>
        <translation>Записать &amp;USB-файл…</translation>
    </message>
    <message>
        <source>&amp;Connect to the server…</source>
        <translation>Под&amp;ключиться к серверу…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>О&amp;тчёты</translation>
    </message>
    <message>
        <source>A month with &amp;nothing done…</source>
        <translation>&amp;Месяц без мероприятий…</translation>
    </message>
    <message>
        <source>The &amp;month&apos;s report (PDF)…</source>
        <translation>Месячный &amp;отчёт (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Receipt for the selected record (PDF)…</source>
        <translation>&amp;Квитанция по выбранной записи (PDF)…</translation>
    </message>
    <message>
        <source>Could not count the records: {reason}</source>
        <translation>Не удалось посчитать записи: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln запись</numerusform>
            <numerusform>%Ln записи</numerusform>
            <numerusform>%Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches these filters.</source>
        <translation>По этим фильтрам ничего не найдено.</translation>
    </message>
    <message>
        <source>No clean-up actions yet.
Click «+ New action» to log the first one.</source>
        <translation>Акций по уборке пока нет.
Нажмите «+ Новая акция», чтобы внести первую.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not take %n record(s): open each to see why and what to do.</source>
        <translation>
            <numerusform>Сервер не принял %n запись: откройте её, чтобы узнать причину и что делать.</numerusform>
            <numerusform>Сервер не принял %n записи: откройте каждую, чтобы узнать причину и что делать.</numerusform>
            <numerusform>Сервер не принял %n записей: откройте каждую, чтобы узнать причину и что делать.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) returned by the coordinator: please correct and send again.</source>
        <translation>
            <numerusform>%n запись возвращена координатором: исправьте и отправьте снова.</numerusform>
            <numerusform>%n записи возвращены координатором: исправьте и отправьте снова.</numerusform>
            <numerusform>%n записей возвращено координатором: исправьте и отправьте снова.</numerusform>
        </translation>
    </message>
    <message>
        <source>Coordinator&apos;s comment: {comment}</source>
        <translation>Комментарий координатора: {comment}</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>Удаление записи</translation>
    </message>
    <message>
        <source>Delete the record «{record}»?</source>
        <translation>Удалить запись «{record}»?</translation>
    </message>
    <message>
        <source>Its history is kept, and the coordinator is told. Until it is sent, Edit → Undo (Ctrl+Z) brings it back.</source>
        <translation>Её история сохраняется, координатор получит уведомление. Пока удаление не отправлено, Правка → Отменить (Ctrl+Z) вернёт запись.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Deleted «{record}». Edit → Undo (Ctrl+Z) brings it back until it is sent.</source>
        <translation>Запись «{record}» удалена. Пока удаление не отправлено, Правка → Отменить (Ctrl+Z) вернёт её.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Нечего отменять.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отмена действия</translation>
    </message>
    <message>
        <source>Sending is under way. Wait until it ends (or stop it), then undo.</source>
        <translation>Идёт отправка. Дождитесь её окончания (или прервите), затем отмените.</translation>
    </message>
    <message>
        <source>«{record}» is back.</source>
        <translation>Запись «{record}» восстановлена.</translation>
    </message>
    <message>
        <source>«{record}» cannot be brought back: {reason}</source>
        <translation>Запись «{record}» нельзя вернуть: {reason}</translation>
    </message>
    <message>
        <source>&amp;Undo deleting «{record}»</source>
        <translation>&amp;Отменить удаление «{record}»</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>List only the records the coordinator returned, to correct them</source>
        <translation>Показать только возвращённые координатором записи, чтобы их исправить</translation>
    </message>
    <message>
        <source>List only the records the server refused or found edited in two places</source>
        <translation>Показать только записи, которые сервер отклонил или которые изменены в двух местах</translation>
    </message>
    <message>
        <source>Click a column heading to sort by it, again for the other way</source>
        <translation>Щелчок по заголовку столбца сортирует по нему, повторный — в обратном порядке</translation>
    </message>
    <message>
        <source>Unfinished photo files could not be removed: {reason}</source>
        <translation>Не удалось удалить незавершённые файлы фотографий: {reason}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Что-то пошло не так: {error}</translation>
    </message>
    <message>
        <source>Taza Field</source>
        <translation>Taza Field</translation>
    </message>
    <message>
        <source>Change rural okrug</source>
        <translation>Изменение сельского округа</translation>
    </message>
    <message>
        <source>This laptop already holds records of «{okrug}», so its okrug cannot be changed. If it was set up wrongly, ask your IT staff.</source>
        <translation>На этом ноутбуке уже есть записи по «{okrug}», поэтому округ изменить нельзя. Если он настроен ошибочно, обратитесь к IT-специалистам.</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be made: {reason}</source>
        <translation>Не удалось сделать сегодняшнюю резервную копию: {reason}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Sending is under way. Wait until it ends (or stop it), then restore.</source>
        <translation>Идёт отправка. Дождитесь её окончания (или остановите её), затем восстановите копию.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Восстановление резервной копии…</translation>
    </message>
    <message>
        <source>The backup&apos;s data are back. Records on this laptop now: {records}.

The data as they were just before are kept too: choose «Before a restore» in the same list to go back to them.</source>
        <translation>Данные из резервной копии восстановлены. Записей на ноутбуке: {records}.

Данные, какими они были перед этим, тоже сохранены: чтобы вернуться к ним, выберите в том же списке «Перед восстановлением».</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Отправка</translation>
    </message>
    <message>
        <source>Write a USB file</source>
        <translation>Запись USB-файла</translation>
    </message>
    <message>
        <source>Taza Field USB files (*.tazabundle)</source>
        <translation>USB-файлы Taza Field (*.tazabundle)</translation>
    </message>
    <message>
        <source>Written to {path}: {records} and {photos}. Take the file to the district coordinator; the records stay here until the server confirms them.</source>
        <translation>Записано в {path}: {records} и {photos}. Отвезите файл координатору района; записи остаются на ноутбуке, пока сервер их не подтвердит.</translation>
    </message>
    <message>
        <source>Reported: nothing done {month}. It goes with the next sync.</source>
        <translation>Сообщено: {month} ничего не проводилось. Уйдёт со следующей синхронизацией.</translation>
    </message>
    <message>
        <source>The month&apos;s report</source>
        <translation>Месячный отчёт</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Квитанция</translation>
    </message>
    <message>
        <source>Choose a record the district has accepted: receipts are for accepted records.</source>
        <translation>Выберите запись, принятую районом: квитанции выдаются только на принятые записи.</translation>
    </message>
</context>
<context>
    <name>MonthChoiceDialog</name>
    <message>
        <source>The month&apos;s report</source>
        <translation>Месячный отчёт</translation>
    </message>
    <message>
        <source>Which month?</source>
        <translation>За какой месяц?</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>NilReportDialog</name>
    <message>
        <source>A month with nothing done</source>
        <translation>Месяц без мероприятий</translation>
    </message>
    <message>
        <source>If no clean-up was held in a month, say so here: the district then sees «nothing done» for that month instead of «missing». If you log an action for the month later, this report is withdrawn by itself.</source>
        <translation>Если в месяце не было ни одной уборки, сообщите об этом здесь: район увидит за этот месяц «ничего не было», а не «нет отчёта». Если позже вы внесёте акцию за этот месяц, сообщение отзовётся само.</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Месяц</translation>
    </message>
    <message>
        <source>&amp;Reason (optional)</source>
        <translation>&amp;Причина (необязательно)</translation>
    </message>
    <message>
        <source>For example: deep snow, the roads were closed</source>
        <translation>Например: глубокий снег, дороги были закрыты</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Сообщить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Already reported as nothing done: {months}.</source>
        <translation>Уже сообщено, что ничего не проводилось: {months}.</translation>
    </message>
    <message>
        <source>Every recent month has records or a report already.</source>
        <translation>За все последние месяцы уже есть записи или сообщения.</translation>
    </message>
</context>
<context>
    <name>OkrugDialog</name>
    <message>
        <source>Type a part of the rural okrug&apos;s or the district&apos;s name, in Kazakh or Russian</source>
        <translation>Введите часть названия сельского округа или района, по-казахски или по-русски</translation>
    </message>
    <message>
        <source>For district coordinators: log in to review the district&apos;s records instead</source>
        <translation>Для координаторов района: войти, чтобы проверять записи района</translation>
    </message>
    <message>
        <source>Your rural okrug</source>
        <translation>Ваш сельский округ</translation>
    </message>
    <message>
        <source>Welcome to Taza Field</source>
        <translation>Добро пожаловать в Taza Field</translation>
    </message>
    <message>
        <source>Which rural okrug does this laptop report for? Until the first record is saved, you can change it in the Actions menu.</source>
        <translation>За какой сельский округ отчитывается этот ноутбук? Пока не сохранена первая запись, его можно изменить в меню «Акции».</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Find your okrug by name</source>
        <translation>Найдите свой округ по названию</translation>
    </message>
    <message>
        <source>Type the name in Kazakh or Russian, e.g. Қайнар</source>
        <translation>Введите название на казахском или русском, например: Кайнар</translation>
    </message>
    <message>
        <source>Or choose it from the lists</source>
        <translation>Или выберите из списков</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Область</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <source>Rural okrug</source>
        <translation>Сельский округ</translation>
    </message>
    <message>
        <source>Your okrug will be shown here once you choose it.</source>
        <translation>Когда вы выберете округ, он появится здесь.</translation>
    </message>
    <message>
        <source>Use this okrug</source>
        <translation>Выбрать этот округ</translation>
    </message>
    <message>
        <source>I am a district coordinator</source>
        <translation>Я координатор района</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Choose a region…</source>
        <translation>Выберите область…</translation>
    </message>
    <message>
        <source>No rural okrugs</source>
        <translation>Нет сельских округов</translation>
    </message>
    <message>
        <source>Choose a district…</source>
        <translation>Выберите район…</translation>
    </message>
    <message>
        <source>Choose an okrug…</source>
        <translation>Выберите округ…</translation>
    </message>
    <message>
        <source>{region} has no rural okrugs, only city districts. Choose the region your okrug is in.</source>
        <translation>{region}: сельских округов нет, только городские районы. Выберите область, в которой находится ваш округ.</translation>
    </message>
    <message>
        <source>KATO {code}</source>
        <translation>КАТО {code}</translation>
    </message>
    <message>
        <source>KATO lists no settlements under it.</source>
        <translation>В КАТО за ним не числится населённых пунктов.</translation>
    </message>
    <message numerus="yes">
        <source>%n settlement(s): {names}</source>
        <translation>
            <numerusform>%n населённый пункт: {names}</numerusform>
            <numerusform>%n населённых пункта: {names}</numerusform>
            <numerusform>%n населённых пунктов: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>No okrug matches «{query}». Check the spelling, or type just the start of the name.</source>
        <translation>Округ «{query}» не найден. Проверьте написание или введите только начало названия.</translation>
    </message>
    <message>
        <source>Showing the first {count}: type more of the name.</source>
        <translation>Показаны первые {count}: введите название полнее.</translation>
    </message>
    <message numerus="yes">
        <source>%n okrug(s) found: click one, or press Enter to choose the highlighted one.</source>
        <translation>
            <numerusform>Найден %n округ: щёлкните нужный или нажмите Enter, чтобы выбрать выделенный.</numerusform>
            <numerusform>Найдено %n округа: щёлкните нужный или нажмите Enter, чтобы выбрать выделенный.</numerusform>
            <numerusform>Найдено %n округов: щёлкните нужный или нажмите Enter, чтобы выбрать выделенный.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoCard</name>
    <message>
        <source>What the photo shows: before, during or after the clean-up</source>
        <translation>Что на фото: до уборки, во время или после неё</translation>
    </message>
    <message>
        <source>Photo role</source>
        <translation>Тип фотографии</translation>
    </message>
    <message>
        <source>Remove this photo (Delete)</source>
        <translation>Убрать эту фотографию (Delete)</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Убрать фотографию</translation>
    </message>
    <message>
        <source>Open large (Enter)</source>
        <translation>Открыть крупно (Enter)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Нет изображения</translation>
    </message>
    <message>
        <source>Taken {when}</source>
        <translation>Снято: {when}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photos…</source>
        <translation>Добавить фото…</translation>
    </message>
    <message>
        <source>Choose photos on this computer ({formats}). You can also drag them onto this area.</source>
        <translation>Выберите фотографии на этом компьютере ({formats}). Их также можно перетащить в эту область.</translation>
    </message>
    <message>
        <source>No photos yet — add them or drop them here</source>
        <translation>Фотографий пока нет — добавьте их или перетащите сюда</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>Скрыть все</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Скрыть это сообщение</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Фотографии ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Добавление фотографий</translation>
    </message>
    <message>
        <source>“{name}” was not added again: the same photo is already attached.</source>
        <translation>«{name}» не добавлен повторно: эта фотография уже прикреплена.</translation>
    </message>
    <message>
        <source>“{name}” could not be added because of an error in the program. It has been written to the log.</source>
        <translation>«{name}» не удалось добавить из-за ошибки в программе. Ошибка записана в журнал.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not added: an action can have at most {max} photos.</source>
        <translation>
            <numerusform>%n файл не добавлен: к одной акции можно прикрепить не более {max} фото.</numerusform>
            <numerusform>%n файла не добавлены: к одной акции можно прикрепить не более {max} фото.</numerusform>
            <numerusform>%n файлов не добавлено: к одной акции можно прикрепить не более {max} фото.</numerusform>
        </translation>
    </message>
    <message>
        <source>Processing {current} of {total}…</source>
        <translation>Обработка: {current} из {total}…</translation>
    </message>
    <message>
        <source>{count} of {max} photos</source>
        <translation>Фото: {count} из {max}</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>Фотография</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>This photo is not on this computer.</source>
        <translation>Этой фотографии нет на этом компьютере.</translation>
    </message>
    <message>
        <source>The photo could not be read.</source>
        <translation>Не удалось прочитать фотографию.</translation>
    </message>
    <message>
        <source>Taken {when}</source>
        <translation>Снято: {when}</translation>
    </message>
    <message>
        <source>GPS {position}</source>
        <translation>Координаты GPS: {position}</translation>
    </message>
    <message>
        <source>the camera&apos;s time and place are not known here</source>
        <translation>время и место съёмки здесь неизвестны</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Please check</source>
        <translation>Проверьте</translation>
    </message>
    <message>
        <source>Some figures look unusual. Save anyway?</source>
        <translation>Некоторые цифры выглядят необычно. Всё равно сохранить?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Всё равно сохранить</translation>
    </message>
    <message>
        <source>Go back and check</source>
        <translation>Вернуться и проверить</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Возможный дубликат</translation>
    </message>
    <message>
        <source>This settlement already has a record of this campaign on this day at this place. Is this a different clean-up?</source>
        <translation>В этом населённом пункте уже есть запись этой акции в этот день на этом месте. Это другая уборка?</translation>
    </message>
    <message>
        <source>Yes, save it too</source>
        <translation>Да, сохранить и эту</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Вернуться</translation>
    </message>
    <message>
        <source>Accepted record</source>
        <translation>Принятая запись</translation>
    </message>
    <message>
        <source>The coordinator has accepted this record. If you change it, it goes to review again.</source>
        <translation>Координатор уже принял эту запись. Если изменить её, она снова уйдёт на проверку.</translation>
    </message>
    <message>
        <source>Change it</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Keep it as it is</source>
        <translation>Оставить как есть</translation>
    </message>
    <message>
        <source>Close the form</source>
        <translation>Закрыть форму</translation>
    </message>
    <message>
        <source>Close without saving? What you typed will be lost.</source>
        <translation>Закрыть без сохранения? Введённые данные будут потеряны.</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Закрыть без сохранения</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Продолжить заполнение</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Акция</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Area, ha</source>
        <translation>Площадь, га</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>Деревья</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотографии</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Автор записи</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Record {id}</source>
        <translation>Запись {id}</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen the month</source>
        <translation>Открыть месяц снова</translation>
    </message>
    <message>
        <source>Why is {what} reopened? The reason is kept and shown at every level.</source>
        <translation>Почему {what} открывается снова? Причина сохраняется и видна на всех уровнях.</translation>
    </message>
    <message>
        <source>For example: Қайнар sent a subbotnik of 28 March late</source>
        <translation>Например: Кайнар поздно прислал субботник 28 марта</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Открыть снова</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return to the village</source>
        <translation>Вернуть в село</translation>
    </message>
    <message numerus="yes">
        <source>What should the village correct? It sees this comment with the %n record(s).</source>
        <translation>
            <numerusform>Что селу нужно исправить? Село увидит этот комментарий вместе с %n записью.</numerusform>
            <numerusform>Что селу нужно исправить? Село увидит этот комментарий вместе с %n записями.</numerusform>
            <numerusform>Что селу нужно исправить? Село увидит этот комментарий вместе с %n записями.</numerusform>
        </translation>
    </message>
    <message>
        <source>For example: the photos before and after the clean-up are missing.</source>
        <translation>Например: нет фотографий до и после уборки.</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ReviewTable</name>
    <message>
        <source>Rural okrug</source>
        <translation>Сельский округ</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Only the records of one rural okrug</source>
        <translation>Только записи одного сельского округа</translation>
    </message>
    <message>
        <source>Only the records of one settlement of the rural okrug</source>
        <translation>Только записи одного населённого пункта сельского округа</translation>
    </message>
    <message>
        <source>Only the records of one campaign</source>
        <translation>Только записи одной акции</translation>
    </message>
    <message>
        <source>Only the records of one month</source>
        <translation>Только записи одного месяца</translation>
    </message>
    <message>
        <source>Records waiting for your decision, or those already accepted or returned</source>
        <translation>Записи, ждущие вашего решения, или уже принятые либо возвращённые</translation>
    </message>
    <message>
        <source>Finds the settlement, place, notes, reporter or comment</source>
        <translation>Ищет населённый пункт, место, примечание, автора или комментарий</translation>
    </message>
    <message>
        <source>Click a column heading to sort by it, again for the other way</source>
        <translation>Щелчок по заголовку столбца сортирует по нему, повторный — в обратном порядке</translation>
    </message>
    <message>
        <source>All okrugs</source>
        <translation>Все округа</translation>
    </message>
    <message>
        <source>All settlements</source>
        <translation>Все населённые пункты</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Все акции</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>Все месяцы</translation>
    </message>
    <message>
        <source>Whole year {year}</source>
        <translation>Весь {year} год</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Ждут проверки</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принятые</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Возвращённые</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Search: settlement, place, notes, reporter</source>
        <translation>Поиск: населённый пункт, место, примечания, автор</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a record in the list.</source>
        <translation>Выберите запись в списке.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Вернуть…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) selected</source>
        <translation>
            <numerusform>Выбрана %n запись</numerusform>
            <numerusform>Выбрано %n записи</numerusform>
            <numerusform>Выбрано %n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them wait(s) for review</source>
        <translation>
            <numerusform>Из них %n ждёт проверки</numerusform>
            <numerusform>Из них %n ждут проверки</numerusform>
            <numerusform>Из них %n ждут проверки</numerusform>
        </translation>
    </message>
    <message>
        <source>Together: {people}, {tonnes}</source>
        <translation>Всего: {people}, {tonnes}</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n</source>
        <translation>
            <numerusform>Принять (%n)</numerusform>
            <numerusform>Принять (%n)</numerusform>
            <numerusform>Принять (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return %n…</source>
        <translation>
            <numerusform>Вернуть (%n)…</numerusform>
            <numerusform>Вернуть (%n)…</numerusform>
            <numerusform>Вернуть (%n)…</numerusform>
        </translation>
    </message>
    <message>
        <source>{action} · {key}</source>
        <translation>{action} · {key}</translation>
    </message>
    <message>
        <source>Accept the selected records. {key} in the list does the same.</source>
        <translation>Принять выбранные записи. То же делает клавиша {key} в списке.</translation>
    </message>
    <message>
        <source>Return the selected records to the village with a comment ({key}).</source>
        <translation>Вернуть выбранные записи в село с комментарием ({key}).</translation>
    </message>
    <message>
        <source>Participants: {n}</source>
        <translation>Участники: {n}</translation>
    </message>
    <message>
        <source>Area cleaned: {ha} ha</source>
        <translation>Убранная площадь: {ha} га</translation>
    </message>
    <message>
        <source>Trees planted: {n}</source>
        <translation>Посажено деревьев: {n}</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Место: {place}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Примечания: {notes}</translation>
    </message>
    <message>
        <source>Returned: {comment}</source>
        <translation>Возвращено: {comment}</translation>
    </message>
    <message>
        <source>Accepted.</source>
        <translation>Принято.</translation>
    </message>
    <message>
        <source>{role} · double-click or Enter opens it large</source>
        <translation>{role} · двойной щелчок или Enter открывает крупно</translation>
    </message>
    <message>
        <source>Record {id} · {date} · {place} — {campaign}</source>
        <translation>Запись {id} · {date} · {place} — {campaign}</translation>
    </message>
    <message>
        <source>GPS of the action {position}</source>
        <translation>GPS мероприятия {position}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>пока нет</translation>
    </message>
    <message>
        <source>cannot be shown</source>
        <translation>не удаётся показать</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отмена действия</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Проверка</translation>
    </message>
</context>
<context>
    <name>SignoffView</name>
    <message>
        <source>Something went wrong on this laptop; the log has the details.</source>
        <translation>На этом ноутбуке что-то пошло не так; подробности в журнале.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>The chain: district → region → ministry</source>
        <translation>Цепочка: район → область → министерство</translation>
    </message>
    <message>
        <source>Sign-offs and reopenings</source>
        <translation>Утверждения и повторные открытия</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Sign off {month}</source>
        <translation>Утвердить: {month}</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Открыть снова…</translation>
    </message>
    <message>
        <source>As of {moment}</source>
        <translation>По состоянию на {moment}</translation>
    </message>
    <message>
        <source>Not read from the server yet</source>
        <translation>С сервера ещё не получено</translation>
    </message>
    <message>
        <source>The chain of this month has not been read yet.</source>
        <translation>Цепочка этого месяца ещё не получена.</translation>
    </message>
    <message>
        <source>Nothing has been signed off or reopened for this month yet.</source>
        <translation>За этот месяц пока ничего не утверждалось и не открывалось снова.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Could not read what waits to be sent: {reason}</source>
        <translation>Не удалось прочитать, что ожидает отправки: {reason}</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Прервать</translation>
    </message>
    <message>
        <source>Stop sending: what has gone stays on the server</source>
        <translation>Прервать отправку: отправленное останется на сервере</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Подключить…</translation>
    </message>
    <message>
        <source>Connect this laptop to the server with the code from IT staff</source>
        <translation>Подключить ноутбук к серверу кодом от IT-специалиста</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Отправить сейчас</translation>
    </message>
    <message>
        <source>Send what waits and fetch the coordinator&apos;s decisions</source>
        <translation>Отправить ожидающее и получить решения координатора</translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>Не подключено к серверу</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Идёт отправка…</translation>
    </message>
    <message>
        <source>Sending is set up</source>
        <translation>Отправка настроена</translation>
    </message>
    <message>
        <source>Connected to the server</source>
        <translation>Подключено к серверу</translation>
    </message>
    <message>
        <source>The connection broke off: trying again at {time}</source>
        <translation>Связь прервалась: повторная попытка в {time}</translation>
    </message>
    <message>
        <source>The connection broke off: trying again later</source>
        <translation>Связь прервалась: попробуем позже</translation>
    </message>
    <message>
        <source>The server had a problem: trying again at {time}</source>
        <translation>Сбой на сервере: повторная попытка в {time}</translation>
    </message>
    <message>
        <source>The server had a problem: trying again later</source>
        <translation>Сбой на сервере: попытка повторится позже</translation>
    </message>
    <message>
        <source>The laptop&apos;s disk is full: sending stopped until you press Send now</source>
        <translation>Диск ноутбука заполнен: отправка остановлена, пока вы не нажмёте «Отправить сейчас»</translation>
    </message>
    <message>
        <source>A problem on this laptop stopped sending: press Send now to try again</source>
        <translation>Отправку остановила ошибка на этом ноутбуке: нажмите «Отправить сейчас», чтобы повторить</translation>
    </message>
    <message>
        <source>This version cannot send: install the new one</source>
        <translation>Эта версия не может отправлять: установите новую</translation>
    </message>
    <message>
        <source>Access revoked: connect this laptop again</source>
        <translation>Доступ отозван: подключите ноутбук заново</translation>
    </message>
    <message>
        <source>No connection: trying again now…</source>
        <translation>Нет связи: проверяем снова…</translation>
    </message>
    <message>
        <source>No connection: next try at {time}</source>
        <translation>Нет связи: следующая попытка в {time}</translation>
    </message>
    <message>
        <source>No connection: press Send now to try again</source>
        <translation>Нет связи: нажмите «Отправить сейчас», чтобы попробовать снова</translation>
    </message>
    <message>
        <source>Tried at {time}: the server could not be reached.</source>
        <translation>Попытка в {time}: сервер недоступен.</translation>
    </message>
    <message>
        <source>The records wait on this laptop and go by themselves once it answers.</source>
        <translation>Записи ждут на этом ноутбуке и уйдут сами, как только сервер ответит.</translation>
    </message>
    <message>
        <source>Nothing waits to be sent</source>
        <translation>Нет данных, ожидающих отправки</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln запись</numerusform>
            <numerusform>%Ln записи</numerusform>
            <numerusform>%Ln записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln фото</numerusform>
            <numerusform>%Ln фото</numerusform>
            <numerusform>%Ln фото</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting to be sent: {what}</source>
        <translation>Ожидают отправки: {what}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln need(s) attention</source>
        <translation>
            <numerusform>%Ln требует внимания</numerusform>
            <numerusform>%Ln требуют внимания</numerusform>
            <numerusform>%Ln требуют внимания</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln wait(s) for a closed month to reopen</source>
        <translation>
            <numerusform>%Ln ждёт открытия месяца</numerusform>
            <numerusform>%Ln ждут открытия месяца</numerusform>
            <numerusform>%Ln ждут открытия месяца</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Последняя синхронизация: ещё не было</translation>
    </message>
    <message>
        <source>Last sync: today {time}</source>
        <translation>Последняя синхронизация: сегодня в {time}</translation>
    </message>
    <message>
        <source>Last sync: {date} {time}</source>
        <translation>Последняя синхронизация: {date} {time}</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Fetching the coordinator&apos;s decisions</source>
        <translation>Получение решений координатора</translation>
    </message>
    <message>
        <source>Records {done} of {total}</source>
        <translation>Записи: {done} из {total}</translation>
    </message>
    <message>
        <source>photos {done} of {total} ({bytes_done} of {bytes_total})</source>
        <translation>фото: {done} из {total} ({bytes_done} из {bytes_total})</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>осталось около %n секунды</numerusform>
            <numerusform>осталось около %n секунд</numerusform>
            <numerusform>осталось около %n секунд</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>осталось около %n минуты</numerusform>
            <numerusform>осталось около %n минут</numerusform>
            <numerusform>осталось около %n минут</numerusform>
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
        <translation>Прочие фракции</translation>
    </message>
    <message>
        <source>t collected</source>
        <translation>т собрано</translation>
    </message>
    <message>
        <source>ha cleaned</source>
        <translation>га убрано</translation>
    </message>
    <message>
        <source>This year: {actions} · {participants} · {tonnes} t · {hectares} ha · {trees}</source>
        <translation>Этот год: {actions} · {participants} · {tonnes} т · {hectares} га · {trees}</translation>
    </message>
    <message>
        <source>Okrug totals</source>
        <translation>Итоги по округу</translation>
    </message>
    <message>
        <source>This month — {month}</source>
        <translation>Этот месяц — {month}</translation>
    </message>
    <message>
        <source>This year — {year}</source>
        <translation>Этот год — {year}</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Download page</source>
        <translation>Страница загрузки</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Do not show this again for this version</source>
        <translation>Больше не показывать для этой версии</translation>
    </message>
    <message>
        <source>A newer version of Taza Field ({version}) is available. Ask IT staff to install it, or download it from the download page.</source>
        <translation>Вышла новая версия Taza Field ({version}). Попросите IT-специалиста установить её или скачайте её сами со страницы загрузки.</translation>
    </message>
    <message>
        <source>A newer version of Taza Field ({version}) is available. Ask IT staff to install it.</source>
        <translation>Вышла новая версия Taza Field ({version}). Попросите IT-специалиста установить её.</translation>
    </message>
    <message>
        <source>What is new: {notes}</source>
        <translation>Что нового: {notes}</translation>
    </message>
    <message>
        <source>This laptop has version {current}.</source>
        <translation>На этом ноутбуке версия {current}.</translation>
    </message>
</context>
</TS>
