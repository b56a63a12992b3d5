<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Find personal data</source>
        <translation>Найти личные данные</translation>
    </message>
    <message>
        <source>Looking for personal data</source>
        <translation>Поиск личных данных</translation>
    </message>
    <message>
        <source>No faces, codes or text lines were found.</source>
        <translation>Лица, коды и строки текста не найдены.</translation>
    </message>
    <message>
        <source>Mask personal data</source>
        <translation>Скрыть личные данные</translation>
    </message>
    <message>
        <source>Compare with listing</source>
        <translation>Сравнить с описанием товара</translation>
    </message>
    <message>
        <source>Import the listing screenshot first.</source>
        <translation>Сначала добавьте снимок экрана со страницей товара.</translation>
    </message>
    <message>
        <source>Which item shows the listing?</source>
        <translation>Где показана страница товара?</translation>
    </message>
    <message>
        <source>Add comparison</source>
        <translation>Добавить сравнение</translation>
    </message>
    <message>
        <source>Making the comparison</source>
        <translation>Создание сравнения</translation>
    </message>
    <message>
        <source>Picture copied, as it will be exported.</source>
        <translation>Изображение скопировано — так, как оно будет экспортировано.</translation>
    </message>
    <message>
        <source>Copy picture</source>
        <translation>Копировать изображение</translation>
    </message>
    <message>
        <source>Copying the picture</source>
        <translation>Копирование изображения</translation>
    </message>
    <message>
        <source>Rotate 90°</source>
        <translation>Повернуть на 90°</translation>
    </message>
    <message>
        <source>Turn 90° clockwise</source>
        <translation>Повернуть на 90° по часовой стрелке</translation>
    </message>
    <message>
        <source>Undo the crop</source>
        <translation>Отменить обрезку</translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation>Вписать в окно</translation>
    </message>
    <message>
        <source>Actual size (100%)</source>
        <translation>Реальный размер (100%)</translation>
    </message>
    <message>
        <source>Find personal data…</source>
        <translation>Найти личные данные…</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Сравнить…</translation>
    </message>
    <message>
        <source>Put the listing screenshot and this photo side by side (&quot;As listed / As received&quot;)</source>
        <translation>Поставить рядом снимок страницы товара и это фото («Как в описании / Как получено»)</translation>
    </message>
    <message>
        <source>Opening the picture…</source>
        <translation>Открываю изображение…</translation>
    </message>
    <message>
        <source>Opening the picture</source>
        <translation>Открытие изображения</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Обрезать</translation>
    </message>
    <message>
        <source>Reset crop</source>
        <translation>Сбросить обрезку</translation>
    </message>
    <message>
        <source>Change colour</source>
        <translation>Изменить цвет</translation>
    </message>
    <message>
        <source>Change width</source>
        <translation>Изменить толщину</translation>
    </message>
    <message>
        <source>Change size</source>
        <translation>Изменить размер</translation>
    </message>
    <message>
        <source>Change redaction</source>
        <translation>Изменить способ скрытия</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Words to show on the photo:</source>
        <translation>Текст на фото:</translation>
    </message>
    <message>
        <source>Add arrow</source>
        <extracomment>the undo step&apos;s words for each drawn mark (translated by the editor, AnnotationEditor)</extracomment>
        <translation>Добавить стрелку</translation>
    </message>
    <message>
        <source>Add rectangle</source>
        <translation>Добавить прямоугольник</translation>
    </message>
    <message>
        <source>Add ellipse</source>
        <translation>Добавить эллипс</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Добавить линию</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Рисовать</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Выделить маркером</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Resize mark</source>
        <translation>Изменить размер пометки</translation>
    </message>
    <message>
        <source>Add marker</source>
        <translation>Добавить номер</translation>
    </message>
    <message>
        <source>Add mark</source>
        <translation>Добавить пометку</translation>
    </message>
    <message>
        <source>Move mark</source>
        <translation>Переместить пометку</translation>
    </message>
    <message>
        <source>Move marks</source>
        <translation>Переместить пометки</translation>
    </message>
    <message>
        <source>Delete mark</source>
        <translation>Удалить пометку</translation>
    </message>
    <message>
        <source>Delete marks</source>
        <translation>Удалить пометки</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Вставить</translation>
    </message>
    <message>
        <source>Add text</source>
        <translation>Добавить текст</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Изменить текст</translation>
    </message>
    <message>
        <source>Mask in the video too</source>
        <translation>Скрыть и в видео</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
    <message>
        <source>This frame comes from the video {0}. The same area can be hidden in the video from {1} to {2}, so it stays hidden in the upload clip, the contact sheets and any frame grabbed later.

You can change when it is hidden in the video panel (I, O, then Use in/out).</source>
        <translation>Этот кадр взят из видео {0}. Ту же область можно скрыть в видео с {1} до {2}, чтобы она оставалась скрытой во фрагменте для загрузки, в листах кадров и в любом кадре, взятом позже.

Когда она скрыта, можно изменить на панели видео (I, O, затем «По началу/концу»).</translation>
    </message>
    <message>
        <source>Mask it in the video too?</source>
        <translation>Скрыть и в видео?</translation>
    </message>
    <message>
        <source>Mask area</source>
        <translation>Скрыть область</translation>
    </message>
    <message>
        <source>Mask in the video</source>
        <translation>Скрыть в видео</translation>
    </message>
</context>
<context>
    <name>AnnotationScene</name>
    <message>
        <source>Cannot display this mark (kept)</source>
        <translation>Эту пометку нельзя показать (она сохранена)</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Import…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>Записать…</translation>
    </message>
    <message>
        <source>Add photos, videos, screenshots or PDFs</source>
        <translation>Добавить фото, видео, снимки экрана или PDF</translation>
    </message>
    <message>
        <source>Record the unboxing with the camera</source>
        <translation>Записать распаковку на камеру</translation>
    </message>
    <message>
        <source>Evidence — drop files here</source>
        <translation>Доказательства — перетащите файлы сюда</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Доказательства</translation>
    </message>
    <message>
        <source>Double-click an exhibit to open it</source>
        <translation>Дважды щёлкните доказательство, чтобы открыть его</translation>
    </message>
    <message>
        <source>Pick an item in the list to see it here.</source>
        <translation>Выберите доказательство в списке, чтобы увидеть его здесь.</translation>
    </message>
    <message>
        <source>Import the unboxing video and photos, or record a new take.

You can also drop files on the list.</source>
        <translation>Добавьте видео распаковки и фото или запишите новое видео.

Файлы можно и просто перетащить в список.</translation>
    </message>
    <message>
        <source>{0}

PDF document · {1} bytes
SHA-256 {2}</source>
        <translation>{0}

Документ PDF · {1} байт
SHA-256 {2}</translation>
    </message>
</context>
<context>
    <name>ClaimFlow</name>
    <message>
        <source>1. Did the parcel arrive?</source>
        <translation>1. Посылка пришла?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>2. The reason, from the platform&apos;s list</source>
        <translation>2. Причина спора (из списка площадки)</translation>
    </message>
    <message>
        <source>3. What differs, in measurable terms</source>
        <translation>3. Чем отличается — в измеримых величинах</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(выберите)</translation>
    </message>
    <message>
        <source>Set difference</source>
        <translation>Указать отличие</translation>
    </message>
    <message>
        <source>e.g. 42 cm, red, genuine leather</source>
        <translation>например: 42 см, красный, натуральная кожа</translation>
    </message>
    <message>
        <source>Edit &apos;listing says&apos;</source>
        <translation>Изменить «в описании»</translation>
    </message>
    <message>
        <source>e.g. 38 cm, dark blue, plastic</source>
        <translation>например: 38 см, тёмно-синий, пластик</translation>
    </message>
    <message>
        <source>Edit &apos;received&apos;</source>
        <translation>Изменить «получено»</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Что сравниваем</translation>
    </message>
    <message>
        <source>Listing says</source>
        <translation>В описании товара</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Several differences: separate them with &apos;;&apos; in both fields.</source>
        <translation>Несколько отличий: разделяйте их знаком «;» в обоих полях.</translation>
    </message>
    <message>
        <source>4. What you ask for</source>
        <translation>4. Ваше требование</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>Требование</translation>
    </message>
    <message>
        <source>The item still works / is usable</source>
        <translation>Товаром всё же можно пользоваться</translation>
    </message>
    <message>
        <source>Set &apos;still works&apos;</source>
        <translation>Указать «можно пользоваться»</translation>
    </message>
    <message>
        <source>Set refund percent</source>
        <translation>Указать процент возврата</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation>Частичный возврат средств</translation>
    </message>
    <message>
        <source>what sending it back would cost you</source>
        <translation>сколько вам стоила бы отправка обратно</translation>
    </message>
    <message>
        <source>Set return postage</source>
        <translation>Указать стоимость обратной отправки</translation>
    </message>
    <message>
        <source>Return postage</source>
        <translation>Обратная отправка</translation>
    </message>
    <message>
        <source>5. Contact with the seller so far</source>
        <translation>5. Переписка с продавцом</translation>
    </message>
    <message>
        <source>I contacted the seller on</source>
        <translation>Я написал(а) продавцу</translation>
    </message>
    <message>
        <source>e.g. no reply / offered 2 USD / asked for more photos</source>
        <translation>например: не ответил / предложил 2 USD / попросил ещё фото</translation>
    </message>
    <message>
        <source>Edit seller&apos;s reply</source>
        <translation>Изменить ответ продавца</translation>
    </message>
    <message>
        <source>Seller&apos;s reply</source>
        <translation>Ответ продавца</translation>
    </message>
    <message>
        <source>Your notes (any language)</source>
        <translation>Ваши заметки (на любом языке)</translation>
    </message>
    <message>
        <source>Anything else the mediator should know.</source>
        <translation>Всё, что ещё стоит знать посреднику.</translation>
    </message>
    <message>
        <source>Edit notes</source>
        <translation>Изменить заметки</translation>
    </message>
    <message>
        <source>Translate to English...</source>
        <translation>Перевести на английский…</translation>
    </message>
    <message>
        <source>Sends your notes to the chosen service. Nothing else in the app uses the internet.</source>
        <translation>Отправляет ваши заметки выбранному сервису. Больше ничто в программе не использует интернет.</translation>
    </message>
    <message>
        <source>Your name or buyer ID (signature; optional)</source>
        <translation>Ваше имя или ID покупателя (подпись; необязательно)</translation>
    </message>
    <message>
        <source>Edit name</source>
        <translation>Изменить имя</translation>
    </message>
    <message>
        <source>Parcel did not arrive</source>
        <translation>Посылка не пришла</translation>
    </message>
    <message>
        <source>Parcel arrived</source>
        <translation>Посылка пришла</translation>
    </message>
    <message>
        <source>Set reason</source>
        <translation>Указать причину</translation>
    </message>
    <message>
        <source>Set remedy</source>
        <translation>Указать требование</translation>
    </message>
    <message>
        <source>Set contact date</source>
        <translation>Указать дату обращения</translation>
    </message>
    <message>
        <source>Use suggested refund</source>
        <translation>Взять предложенный возврат</translation>
    </message>
    <message>
        <source>(choose the reason)</source>
        <translation>(выберите причину)</translation>
    </message>
    <message>
        <source>The platform&apos;s wording for this reason · {0}</source>
        <translation>Как эта причина называется на площадке · {0}</translation>
    </message>
    <message>
        <source>(choose the remedy)</source>
        <translation>(выберите требование)</translation>
    </message>
    <message>
        <source>Choose the reason to see a suggested refund.</source>
        <translation>Выберите причину, чтобы увидеть предлагаемый возврат.</translation>
    </message>
    <message>
        <source>Ask for {0:g}% (partial refund)</source>
        <translation>Запросить {0:g}% (частичный возврат)</translation>
    </message>
</context>
<context>
    <name>ClaimPage</name>
    <message>
        <source>Translate notes to English</source>
        <extracomment>below this page width the right column goes under the form (the evidence strip, the rail and three readable columns do not fit side by side)</extracomment>
        <translation>Перевести заметки на английский</translation>
    </message>
    <message>
        <source>Translate claim text</source>
        <translation>Перевести текст претензии</translation>
    </message>
</context>
<context>
    <name>ClaimStatusPanel</name>
    <message>
        <source>Choose the platform to see its upload limits.</source>
        <translation>Выберите площадку, чтобы увидеть её ограничения на загрузку.</translation>
    </message>
    <message>
        <source>Photos: up to {0} each, {1}</source>
        <translation>Фото: до {0} каждое, {1}</translation>
    </message>
    <message>
        <source>Video: up to {0}, {1} s, {2}</source>
        <translation>Видео: до {0}, {1} с, {2}</translation>
    </message>
    <message>
        <source>Video: not accepted; still frames are used</source>
        <translation>Видео не принимается: отправляются кадры из него</translation>
    </message>
    <message>
        <source>Files: at most {0}</source>
        <translation>Файлов: не больше {0}</translation>
    </message>
    <message>
        <source>All files together: up to {0}</source>
        <translation>Все файлы вместе: до {0}</translation>
    </message>
    <message>
        <source>Text box: {0} characters</source>
        <translation>Поле для текста: {0} знаков</translation>
    </message>
    <message>
        <source>English characters only</source>
        <translation>Только латинские буквы</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>уже можно</translation>
    </message>
    <message>
        <source>in {0}</source>
        <translation>через {0}</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>примерно</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>истёк</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>осталось: {0}</translation>
    </message>
    <message>
        <source>Add the platform and the order or delivery date to see the deadlines.</source>
        <translation>Укажите площадку и дату заказа или доставки, чтобы увидеть сроки.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Enter {0}&lt;/b&gt; (step 1, Facts) to see your deadline.</source>
        <translation>&lt;b&gt;Укажите {0}&lt;/b&gt; (шаг 1, «Факты»), чтобы увидеть свой срок.</translation>
    </message>
    <message>
        <source>(if opened today)</source>
        <translation>(если открыть сегодня)</translation>
    </message>
    <message>
        <source>Enter {0}.</source>
        <translation>Укажите {0}.</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>с {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deadlines&lt;/b&gt;</source>
        <translation>&lt;b&gt;Сроки&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Before you submit&lt;/b&gt;</source>
        <translation>&lt;b&gt;Перед отправкой&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Upload limits&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ограничения загрузки&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tick checklist item</source>
        <translation>Отметить пункт списка</translation>
    </message>
</context>
<context>
    <name>ClaimTextPanel</name>
    <message>
        <source>&lt;b&gt;Claim text&lt;/b&gt;</source>
        <translation>&lt;b&gt;Текст претензии&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>For the form&apos;s subject or title field, if it has one.</source>
        <translation>Для поля «Тема» или «Заголовок» в форме, если оно есть.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Составить заново</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Translate to English...</source>
        <translation>На английский…</translation>
    </message>
    <message>
        <source>Show in Russian</source>
        <translation>По-русски</translation>
    </message>
    <message>
        <source>The same claim explained in Russian (read only)</source>
        <translation>Та же претензия с пояснениями на русском (только чтение)</translation>
    </message>
    <message>
        <source>Copy short version</source>
        <translation>Копировать краткую версию</translation>
    </message>
    <message>
        <source>Out of date:</source>
        <translation>Устарело:</translation>
    </message>
    <message>
        <source>edited by you - Regenerate updates it and keeps your paragraphs</source>
        <translation>изменено вами — «Составить заново» обновит текст и сохранит ваши абзацы</translation>
    </message>
    <message>
        <source>generated from the case; edit it freely</source>
        <translation>составлено по данным дела; правьте свободно</translation>
    </message>
    <message>
        <source> (default: check your order page)</source>
        <translation> (по умолчанию: сверьте со страницей заказа)</translation>
    </message>
    <message>
        <source> - English characters only</source>
        <translation> — только латиница</translation>
    </message>
    <message>
        <source>&lt;b&gt;Short version&lt;/b&gt;: {0}/{1} characters{2}{3}</source>
        <translation>&lt;b&gt;Краткая версия&lt;/b&gt;: {0}/{1} знаков{2}{3}</translation>
    </message>
    <message>
        <source>Edit claim text</source>
        <translation>Изменить текст претензии</translation>
    </message>
    <message>
        <source>Regenerate claim text</source>
        <translation>Составить текст претензии заново</translation>
    </message>
    <message>
        <source>Regenerate the claim</source>
        <translation>Составить претензию заново</translation>
    </message>
    <message numerus="yes">
        <source>You wrote or changed %n paragraph(s). Keep them in the new text?</source>
        <translation>
            <numerusform>Вы написали или изменили %n абзац. Сохранить его в новом тексте?</numerusform>
            <numerusform>Вы написали или изменили %n абзаца. Сохранить их в новом тексте?</numerusform>
            <numerusform>Вы написали или изменили %n абзацев. Сохранить их в новом тексте?</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;Replace everything&apos; drops your changes; Undo brings them back.</source>
        <translation>«Заменить всё» отбросит ваши правки; «Отменить» их вернёт.</translation>
    </message>
    <message>
        <source>Keep my paragraphs</source>
        <translation>Сохранить мои абзацы</translation>
    </message>
    <message>
        <source>Replace everything</source>
        <translation>Заменить всё</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>Скопировано ✓</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Pick the date</source>
        <translation>Выбрать дату</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Set today&apos;s date</source>
        <translation>Поставить сегодняшнюю дату</translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation>Очистить дату</translation>
    </message>
    <message>
        <source>not set: type {0} or {1}, or pick it</source>
        <translation>не указана: введите {0} или {1} либо выберите</translation>
    </message>
    <message>
        <source>not a date: type it like {0}</source>
        <translation>это не дата: введите так: {0}</translation>
    </message>
    <message>
        <source>{0} is in the future</source>
        <translation>{0} — это дата в будущем</translation>
    </message>
</context>
<context>
    <name>DeadlineList</name>
    <message>
        <source>&lt;b&gt;Open deadlines&lt;/b&gt;</source>
        <translation>&lt;b&gt;Текущие сроки&lt;/b&gt;</translation>
    </message>
    <message>
        <source>None running.</source>
        <translation>Сейчас нет.</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>с {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n день назад</numerusform>
            <numerusform>%n дня назад</numerusform>
            <numerusform>%n дней назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <source>the platform and the delivery date</source>
        <translation>площадку и дату доставки</translation>
    </message>
    <message>
        <source>the delivery date</source>
        <translation>дату доставки</translation>
    </message>
    <message>
        <source>the order date</source>
        <translation>дату заказа</translation>
    </message>
    <message>
        <source>the latest expected delivery date</source>
        <translation>крайнюю ожидаемую дату доставки</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisputeLabels</name>
    <message>
        <source>Dispute opened</source>
        <translation>Спор открыт</translation>
    </message>
    <message>
        <source>Seller replied</source>
        <translation>Продавец ответил</translation>
    </message>
    <message>
        <source>I countered</source>
        <translation>Я ответил(а) на предложение</translation>
    </message>
    <message>
        <source>Escalated to the platform</source>
        <translation>Спор передан на рассмотрение площадки</translation>
    </message>
    <message>
        <source>Return agreed</source>
        <translation>Возврат товара согласован</translation>
    </message>
    <message>
        <source>Return shipped</source>
        <translation>Товар отправлен обратно</translation>
    </message>
    <message>
        <source>Seller received the return</source>
        <translation>Продавец получил возврат</translation>
    </message>
    <message>
        <source>Refund received</source>
        <translation>Деньги возвращены</translation>
    </message>
    <message>
        <source>Closed: won</source>
        <translation>Закрыт: в мою пользу</translation>
    </message>
    <message>
        <source>Closed: lost</source>
        <translation>Закрыт: не в мою пользу</translation>
    </message>
    <message>
        <source>Appealed</source>
        <translation>Подана апелляция</translation>
    </message>
    <message>
        <source>an offer</source>
        <translation>предложение</translation>
    </message>
    <message>
        <source>refused: &apos;it is as described&apos;</source>
        <translation>отказ: «соответствует описанию»</translation>
    </message>
    <message>
        <source>asked for more evidence</source>
        <translation>попросил больше доказательств</translation>
    </message>
    <message>
        <source>asked to close first, pay later</source>
        <translation>просит сначала закрыть спор, деньги потом</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>не ответил</translation>
    </message>
    <message>
        <source>Reply to the offer</source>
        <translation>Ответ на предложение</translation>
    </message>
    <message>
        <source>Answer &apos;it is as described&apos;</source>
        <translation>Ответ на «соответствует описанию»</translation>
    </message>
    <message>
        <source>Answer &apos;send more video&apos;</source>
        <translation>Ответ на «пришлите ещё видео»</translation>
    </message>
    <message>
        <source>Refuse &apos;close it first, I&apos;ll pay later&apos;</source>
        <translation>Отказ на «закройте спор, я заплачу потом»</translation>
    </message>
    <message>
        <source>Refuse payment outside the platform</source>
        <translation>Отказ от оплаты вне площадки</translation>
    </message>
    <message>
        <source>Escalate to the mediator</source>
        <translation>Передать спор на рассмотрение</translation>
    </message>
    <message>
        <source>Ask to extend Buyer Protection</source>
        <translation>Попросить продлить защиту покупателя</translation>
    </message>
    <message>
        <source>Parcel still not here</source>
        <translation>Посылка так и не пришла</translation>
    </message>
    <message>
        <source>Letter to the carrier</source>
        <translation>Письмо в службу доставки</translation>
    </message>
    <message>
        <source>Letter to the bank (chargeback)</source>
        <translation>Письмо в банк (чарджбэк)</translation>
    </message>
    <message>
        <source>Appeal the decision</source>
        <translation>Обжаловать решение</translation>
    </message>
</context>
<context>
    <name>DisputePage</name>
    <message>
        <source>Add to my calendar…</source>
        <translation>Добавить в календарь…</translation>
    </message>
    <message>
        <source>Save the open deadlines as an .ics file, with a reminder the day before</source>
        <translation>Сохранить текущие сроки в файл .ics с напоминанием за день</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <source>Change event</source>
        <translation>Изменить событие</translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <source>Save the deadlines to a calendar file</source>
        <translation>Сохранить сроки в файл календаря</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Календарь (*.ics)</translation>
    </message>
    <message>
        <source>The calendar file was not written</source>
        <translation>Файл календаря не записан</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n deadline(s) to {0}. Open the file to add them to your calendar.</source>
        <translation>
            <numerusform>Сохранён %n срок в {0}. Откройте файл, чтобы добавить его в календарь.</numerusform>
            <numerusform>Сохранено %n срока в {0}. Откройте файл, чтобы добавить их в календарь.</numerusform>
            <numerusform>Сохранено %n сроков в {0}. Откройте файл, чтобы добавить их в календарь.</numerusform>
        </translation>
    </message>
    <message>
        <source>No PDF</source>
        <translation>PDF не создан</translation>
    </message>
    <message>
        <source>Save the letter as a PDF</source>
        <translation>Сохранить письмо в PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the letter with its exhibits as stills to {0}.</source>
        <translation>Письмо с доказательствами в виде кадров сохранено: {0}.</translation>
    </message>
    <message>
        <source>Writing the letter PDF</source>
        <translation>Создание PDF письма</translation>
    </message>
</context>
<context>
    <name>DraftsPanel</name>
    <message>
        <source>Copy text</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Regenerate from the case</source>
        <translation>Составить заново по делу</translation>
    </message>
    <message>
        <source>Save as PDF with stills…</source>
        <translation>Сохранить в PDF с кадрами…</translation>
    </message>
    <message>
        <source>Show in Russian</source>
        <translation>По-русски</translation>
    </message>
    <message>
        <source>This draft explained in Russian (read only)</source>
        <translation>Этот черновик с пояснениями на русском (только чтение)</translation>
    </message>
    <message>
        <source>Copy short version</source>
        <translation>Копировать краткую версию</translation>
    </message>
    <message>
        <source>&lt;b&gt;Message&lt;/b&gt;</source>
        <translation>&lt;b&gt;Сообщение&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No draft now: {0}</source>
        <translation>Сейчас черновика нет: {0}</translation>
    </message>
    <message>
        <source>to the seller</source>
        <translation>продавцу</translation>
    </message>
    <message>
        <source>to the mediator</source>
        <translation>посреднику площадки</translation>
    </message>
    <message>
        <source>to the carrier</source>
        <translation>в службу доставки</translation>
    </message>
    <message>
        <source>to your bank</source>
        <translation>в ваш банк</translation>
    </message>
    <message>
        <source>edited by you</source>
        <translation>изменено вами</translation>
    </message>
    <message>
        <source>generated from the case</source>
        <translation>составлено по данным дела</translation>
    </message>
    <message>
        <source> (default: check your order page)</source>
        <translation> (по умолчанию: сверьте со страницей заказа)</translation>
    </message>
    <message>
        <source> - English characters only</source>
        <translation> — только латиница</translation>
    </message>
    <message>
        <source>&lt;b&gt;Short version&lt;/b&gt;: {0}/{1} characters{2}{3}</source>
        <translation>&lt;b&gt;Краткая версия&lt;/b&gt;: {0}/{1} знаков{2}{3}</translation>
    </message>
    <message>
        <source>Edit the message</source>
        <translation>Изменить сообщение</translation>
    </message>
    <message>
        <source>Regenerate the message</source>
        <translation>Составить сообщение заново</translation>
    </message>
    <message>
        <source>Replace your edited text with a fresh draft from the case? Undo brings it back.</source>
        <translation>Заменить ваш изменённый текст новым черновиком по данным дела? «Отменить» вернёт его.</translation>
    </message>
</context>
<context>
    <name>EditorToolbars</name>
    <message>
        <source>Select</source>
        <translation>Выбор</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Стрелка</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Прямоугольник</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Эллипс</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Линия</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Карандаш</translation>
    </message>
    <message>
        <source>Highlighter</source>
        <translation>Маркер</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Marker</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Обрезать</translation>
    </message>
    <message>
        <source>Colour of new and selected marks</source>
        <translation>Цвет новых и выбранных пометок</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Красный</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Жёлтый</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Зелёный</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Синий</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Белый</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Чёрный</translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation>Другой цвет…</translation>
    </message>
    <message>
        <source>Line </source>
        <translation>Линия </translation>
    </message>
    <message>
        <source>Line width of new and selected marks</source>
        <translation>Толщина линий новых и выбранных пометок</translation>
    </message>
    <message>
        <source>Size </source>
        <translation>Размер </translation>
    </message>
    <message>
        <source>Size of new and selected texts and markers</source>
        <translation>Размер новых и выбранных надписей и номеров</translation>
    </message>
    <message>
        <source>Solid</source>
        <translation>Заливка</translation>
    </message>
    <message>
        <source>Pixelate (secure)</source>
        <translation>Пикселизация (надёжно)</translation>
    </message>
    <message>
        <source>How redactions hide: an opaque box, or pixels made only from the surroundings</source>
        <translation>Как скрывать: непрозрачной заливкой или пикселями, взятыми только из окружения</translation>
    </message>
    <message>
        <source>Mark colour</source>
        <translation>Цвет пометок</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Evidence Kit — something went wrong</source>
        <translation>Evidence Kit — что-то пошло не так</translation>
    </message>
    <message>
        <source>The details are in the log file: {0}</source>
        <translation>Подробности в журнале: {0}</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Показать подробности</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Копировать подробности</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Открыть папку журнала</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message numerus="yes">
        <source>%n errors happened.</source>
        <translation>
            <numerusform>Произошла %n ошибка.</numerusform>
            <numerusform>Произошло %n ошибки.</numerusform>
            <numerusform>Произошло %n ошибок.</numerusform>
        </translation>
    </message>
    <message>
        <source>The latest: {0} {1}</source>
        <translation>Последняя: {0} {1}</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Скрыть подробности</translation>
    </message>
    <message>
        <source>“{0}” did not finish.</source>
        <translation>«{0}» не завершено.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Не получилось.</translation>
    </message>
    <message>
        <source>Evidence Kit ran into a bug.</source>
        <translation>В Evidence Kit произошла ошибка.</translation>
    </message>
    <message>
        <source>(while: {0})</source>
        <translation>(во время: {0})</translation>
    </message>
    <message>
        <source>This is not something you did, and what was saved before stays saved. If it happens again, please send the log file (Open log folder).</source>
        <translation>Вы ни в чём не виноваты, и всё сохранённое ранее осталось на месте. Если это повторится, пришлите, пожалуйста, файл журнала (Открыть папку журнала).</translation>
    </message>
    <message>
        <source>The log folder cannot be created: {0}</source>
        <translation>Не удаётся создать папку журнала: {0}</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Папка журнала</translation>
    </message>
    <message>
        <source>The log files are in:</source>
        <translation>Файлы журнала находятся здесь:</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Change the event</source>
        <translation>Изменить событие</translation>
    </message>
    <message>
        <source>Add an event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>the return parcel&apos;s tracking number</source>
        <translation>трек-номер посылки с возвратом</translation>
    </message>
    <message>
        <source>The seller gave the return address inside the dispute form</source>
        <translation>Продавец указал адрес возврата в форме спора</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>The seller</source>
        <translation>Продавец</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Трек-номер</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Доказательства</translation>
    </message>
    <message>
        <source>the amount</source>
        <translation>сумма</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <source>not said yet (Shift+F2)</source>
        <translation>пока не указано (Shift+F2)</translation>
    </message>
    <message>
        <source>Shows: {0}
Fingerprint (SHA-256): {1}
File: {2}</source>
        <translation>Что видно: {0}
Отпечаток (SHA-256): {1}
Файл: {2}</translation>
    </message>
</context>
<context>
    <name>EvidenceStrip</name>
    <message>
        <source>Evidence</source>
        <translation>Доказательства</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>не отправляется</translation>
    </message>
    <message>
        <source>what it shows is not said yet</source>
        <translation>что видно — пока не указано</translation>
    </message>
</context>
<context>
    <name>ExplainDialog</name>
    <message>
        <source>Explained in your language</source>
        <translation>Пояснение на вашем языке</translation>
    </message>
    <message>
        <source>Read only: the text you send stays in English.</source>
        <translation>Только чтение: отправляемый текст остаётся на английском.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Cannot explain this now</source>
        <translation>Сейчас пояснить нельзя</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Makes the files for the dispute form (within the platform&apos;s limits, with location data removed), a sealed evidence bundle and a PDF summary.</source>
        <translation>Создаёт файлы для формы спора (в пределах ограничений площадки, без данных о местоположении), запечатанный архив доказательств и сводку в PDF.</translation>
    </message>
    <message>
        <source>Each export goes into a new folder here, named by its time; earlier ones are kept</source>
        <translation>Каждый экспорт попадает сюда в новую папку с датой и временем; прежние сохраняются</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Make the upload pack</source>
        <translation>Подготовить файлы для загрузки</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Площадка</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Сохранить в</translation>
    </message>
    <message>
        <source>Trusted timestamp</source>
        <translation>Доверенная метка времени</translation>
    </message>
    <message>
        <source>What to include</source>
        <translation>Что включить</translation>
    </message>
    <message>
        <source>What the dispute form gets</source>
        <translation>Что получит форма спора</translation>
    </message>
    <message>
        <source>Check sizes</source>
        <translation>Проверить размеры</translation>
    </message>
    <message>
        <source>Make the upload files now, as the export will, and show their real sizes</source>
        <translation>Создать файлы для загрузки сейчас, как при экспорте, и показать их настоящие размеры</translation>
    </message>
    <message>
        <source>Include in export</source>
        <translation>Включить в экспорт</translation>
    </message>
    <message>
        <source>Leave out of export</source>
        <translation>Не включать в экспорт</translation>
    </message>
    <message>
        <source>What the dispute form gets ({0})</source>
        <translation>Что получит форма спора ({0})</translation>
    </message>
    <message>
        <source>Nothing is included yet.</source>
        <translation>Пока ничего не выбрано.</translation>
    </message>
    <message>
        <source>Sizes are known once the files are made: press Check sizes.</source>
        <translation>Размеры станут известны, когда файлы будут созданы: нажмите «Проверить размеры».</translation>
    </message>
    <message>
        <source>Checking upload sizes</source>
        <translation>Проверка размеров файлов</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Куда экспортировать</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>The claim is out of date</source>
        <translation>Претензия устарела</translation>
    </message>
    <message>
        <source>Export it as it is? (Regenerate it in the Claim step first to update it.)</source>
        <translation>Экспортировать как есть? (Чтобы обновить её, сначала составьте её заново на шаге «Претензия».)</translation>
    </message>
    <message>
        <source>Saved the bundle {0} and the PDF {1} in a new folder, {2}.</source>
        <translation>Архив {0} и PDF {1} сохранены в новой папке {2}.</translation>
    </message>
    <message>
        <source>Timestamp: {0}</source>
        <translation>Метка времени: {0}</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>Экспорт не удался: {0}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>Отменено. Ничего не записано.</translation>
    </message>
</context>
<context>
    <name>FactsForm</name>
    <message>
        <source>what you ordered, as on the listing</source>
        <translation>что вы заказали — как на странице товара</translation>
    </message>
    <message>
        <source>Order facts</source>
        <translation>Данные заказа</translation>
    </message>
    <message>
        <source>Platform</source>
        <extracomment>each fact&apos;s name on the form, which also names its undo step (&quot;Change Item&quot;)</extracomment>
        <translation>Площадка</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Price paid</source>
        <translation>Уплаченная цена</translation>
    </message>
    <message>
        <source>Store / seller</source>
        <translation>Магазин / продавец</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Трек-номер</translation>
    </message>
    <message>
        <source>Ordered on</source>
        <translation>Дата заказа</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>Дата доставки</translation>
    </message>
    <message>
        <source>Change {0}</source>
        <translation>Изменить: {0}</translation>
    </message>
</context>
<context>
    <name>FinishedBox</name>
    <message>
        <source>Ready to upload</source>
        <translation>Готово к загрузке</translation>
    </message>
    <message>
        <source>Drag a file into the upload box of the dispute form in your browser, or open:</source>
        <translation>Перетащите файл в поле загрузки формы спора в браузере или откройте:</translation>
    </message>
    <message>
        <source>Finished files</source>
        <translation>Готовые файлы</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Открыть PDF</translation>
    </message>
    <message>
        <source>Open upload folder</source>
        <translation>Открыть папку загрузки</translation>
    </message>
    <message>
        <source>Show the bundle</source>
        <translation>Показать архив</translation>
    </message>
    <message>
        <source>The sealed evidence bundle: keep it private, send it only if the case is escalated</source>
        <translation>Запечатанный архив доказательств: не раздавайте его, отправляйте, только если спор передан на рассмотрение</translation>
    </message>
    <message>
        <source>Latest export: {0}</source>
        <translation>Последний экспорт: {0}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>No program to open {0} was found on this computer.

The file is at:
{1}</source>
        <translation>На этом компьютере нет программы, чтобы открыть {0}.

Файл находится здесь:
{1}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>The exported files are in:</source>
        <translation>Экспортированные файлы находятся здесь:</translation>
    </message>
</context>
<context>
    <name>Folders</name>
    <message>
        <source>This computer has no xdg-open, which opens folders.</source>
        <translation>На этом компьютере нет xdg-open, которым открываются папки.</translation>
    </message>
    <message>
        <source>No file manager is registered to open folders.</source>
        <translation>Не назначен файловый менеджер для открытия папок.</translation>
    </message>
    <message>
        <source>No file manager could be started.</source>
        <translation>Не удалось запустить файловый менеджер.</translation>
    </message>
</context>
<context>
    <name>FrameJobs</name>
    <message>
        <source>Wait for the current job to finish, or cancel it.</source>
        <translation>Дождитесь окончания текущей задачи или отмените её.</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Grab frame</source>
        <translation>Взять кадр</translation>
    </message>
    <message>
        <source>Grabbed {0}.</source>
        <translation>Кадр взят: {0}.</translation>
    </message>
    <message>
        <source>Grabbing frame {0}</source>
        <translation>Беру кадр {0}</translation>
    </message>
    <message>
        <source>This frame is already the sharpest within ±0.5 s.</source>
        <translation>Этот кадр и так самый резкий в пределах ±0,5 с.</translation>
    </message>
    <message>
        <source>A sharper frame is at {0}, a moment away. Press G to grab it.</source>
        <translation>Рядом, на {0}, есть более резкий кадр. Нажмите G, чтобы взять его.</translation>
    </message>
    <message>
        <source>Looking for the sharpest frame</source>
        <translation>Поиск самого резкого кадра</translation>
    </message>
    <message>
        <source>Make clip</source>
        <translation>Вырезать фрагмент</translation>
    </message>
    <message>
        <source>Added {0}.</source>
        <translation>Добавлено: {0}.</translation>
    </message>
    <message>
        <source>Making the clip</source>
        <translation>Создание фрагмента</translation>
    </message>
</context>
<context>
    <name>FrameView</name>
    <message>
        <source>preview</source>
        <translation>предпросмотр</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Evidence Kit guide</source>
        <translation>Руководство Evidence Kit</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>An import is already running. Wait for it or cancel it.</source>
        <translation>Добавление файлов уже идёт. Дождитесь его или отмените.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Добавляю %n файл…</numerusform>
            <numerusform>Добавляю %n файла…</numerusform>
            <numerusform>Добавляю %n файлов…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n file(s)</source>
        <translation>
            <numerusform>Добавить %n файл</numerusform>
            <numerusform>Добавить %n файла</numerusform>
            <numerusform>Добавить %n файлов</numerusform>
        </translation>
    </message>
    <message>
        <source>Some files were not imported:</source>
        <translation>Некоторые файлы не добавлены:</translation>
    </message>
    <message>
        <source>Import failed; the case is unchanged.</source>
        <translation>Добавить не удалось; дело не изменилось.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Добавить файлы</translation>
    </message>
</context>
<context>
    <name>ItemActions</name>
    <message>
        <source>Re&amp;name item…</source>
        <translation>&amp;Переименовать…</translation>
    </message>
    <message>
        <source>What it &amp;shows…</source>
        <translation>&amp;Что видно…</translation>
    </message>
    <message>
        <source>&amp;Remove item</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>В&amp;ыше</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Ниже</translation>
    </message>
    <message>
        <source>&amp;Include in export</source>
        <translation>Вкл&amp;ючить в экспорт</translation>
    </message>
    <message>
        <source>&amp;Copy SHA-256</source>
        <translation>&amp;Копировать SHA-256</translation>
    </message>
    <message>
        <source>Restore from the bi&amp;n…</source>
        <translation>Восстановить из &amp;корзины…</translation>
    </message>
    <message>
        <source>Empty the &amp;bin…</source>
        <translation>О&amp;чистить корзину…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Rename item</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>What it shows</source>
        <translation>Что видно</translation>
    </message>
    <message>
        <source>What does this exhibit show? e.g. the crack, 6 cm, seen right after opening</source>
        <translation>Что видно на этом доказательстве? Например: трещина 6 см, видна сразу после вскрытия</translation>
    </message>
    <message>
        <source>Say what it shows</source>
        <translation>Указать, что видно</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n item(s)</source>
        <translation>
            <numerusform>Удалить %n доказательство</numerusform>
            <numerusform>Удалить %n доказательства</numerusform>
            <numerusform>Удалить %n доказательств</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the files of %n removed item(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>Удалить навсегда файлы %n удалённого доказательства? Это нельзя отменить.</numerusform>
            <numerusform>Удалить навсегда файлы %n удалённых доказательств? Это нельзя отменить.</numerusform>
            <numerusform>Удалить навсегда файлы %n удалённых доказательств? Это нельзя отменить.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed. The files stay in the case until you empty the bin (Ctrl+Z brings them back).</source>
        <translation>Удалено. Файлы остаются в деле, пока вы не очистите корзину (Ctrl+Z вернёт их).</translation>
    </message>
    <message>
        <source>Reorder evidence</source>
        <translation>Изменить порядок доказательств</translation>
    </message>
    <message>
        <source>Include in export</source>
        <translation>Включить в экспорт</translation>
    </message>
    <message>
        <source>Leave out of export</source>
        <translation>Не включать в экспорт</translation>
    </message>
    <message>
        <source>SHA-256 copied: {0}</source>
        <translation>SHA-256 скопирован: {0}</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <source>The bin is empty.</source>
        <translation>Корзина пуста.</translation>
    </message>
    <message>
        <source>Restore from the bin</source>
        <translation>Восстановить из корзины</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Доказательство</translation>
    </message>
    <message>
        <source>Restore item</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Empty the bin</source>
        <translation>Очистить корзину</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Evidence Kit</source>
        <translation>Evidence Kit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation>&amp;Открыть дело…</translation>
    </message>
    <message>
        <source>Open &amp;sample case</source>
        <translation>Открыть &amp;пример</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Добавить файлы…</translation>
    </message>
    <message>
        <source>&amp;Record unboxing…</source>
        <translation>&amp;Записать распаковку…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>&amp;Закрыть дело</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Руководство</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Открыть папку &amp;журнала</translation>
    </message>
    <message>
        <source>&amp;About Evidence Kit</source>
        <translation>&amp;О программе Evidence Kit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Оформление</translation>
    </message>
    <message>
        <source>Like the &amp;system</source>
        <translation>Как в &amp;системе</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Светлое</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Тёмное</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Отменить: {0}</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Повторить: {0}</translation>
    </message>
    <message>
        <source>Could not create the case.</source>
        <translation>Не удалось создать дело.</translation>
    </message>
    <message>
        <source>Open a case folder</source>
        <translation>Открыть папку дела</translation>
    </message>
    <message>
        <source>This case cannot be opened.</source>
        <translation>Это дело не открывается.</translation>
    </message>
    <message>
        <source>The sample case could not be created.</source>
        <translation>Не удалось создать пример.</translation>
    </message>
    <message>
        <source>That change was not made.</source>
        <translation>Это изменение не внесено.</translation>
    </message>
    <message>
        <source>Evidence Kit — {0} ({1})</source>
        <translation>Evidence Kit — {0} ({1})</translation>
    </message>
    <message>
        <source>Read-only: you can look, but changes cannot be saved</source>
        <translation>Только чтение: смотреть можно, сохранять изменения нельзя</translation>
    </message>
    <message>
        <source>This case can be viewed but not changed.</source>
        <translation>Это дело можно смотреть, но нельзя изменять.</translation>
    </message>
    <message>
        <source>Import evidence</source>
        <translation>Добавить доказательства</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>All changes saved ✓</source>
        <translation>Все изменения сохранены ✓</translation>
    </message>
    <message>
        <source>NOT saved: {0}</source>
        <translation>НЕ сохранено: {0}</translation>
    </message>
    <message>
        <source>About Evidence Kit</source>
        <translation>О программе Evidence Kit</translation>
    </message>
    <message>
        <source>Evidence Kit {0}
Everything stays on this computer.</source>
        <translation>Evidence Kit {0}
Всё остаётся на этом компьютере.</translation>
    </message>
</context>
<context>
    <name>MaskFrameView</name>
    <message>
        <source>masked</source>
        <translation>скрыто</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <source>as shown on your order page</source>
        <translation>как на странице заказа</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Create case</source>
        <translation>Создать дело</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Площадка</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <source>Keep it in</source>
        <translation>Где хранить</translation>
    </message>
    <message>
        <source>Where to keep the case</source>
        <translation>Где хранить дело</translation>
    </message>
    <message>
        <source>The case folder will be:
{0}</source>
        <translation>Папка дела:
{0}</translation>
    </message>
</context>
<context>
    <name>NextActionCard</name>
    <message>
        <source>&lt;b&gt;Next&lt;/b&gt;</source>
        <translation>&lt;b&gt;Дальше&lt;/b&gt;</translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation>✓ готово</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>опоздание на %n день</numerusform>
            <numerusform>опоздание на %n дня</numerusform>
            <numerusform>опоздание на %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>passed %n day(s) ago</source>
        <translation>
            <numerusform>прошёл %n день назад</numerusform>
            <numerusform>прошёл %n дня назад</numerusform>
            <numerusform>прошёл %n дней назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n day(s) on</source>
        <translation>
            <numerusform>через %n день</numerusform>
            <numerusform>через %n дня</numerusform>
            <numerusform>через %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>остался %n день</numerusform>
            <numerusform>осталось %n дня</numerusform>
            <numerusform>осталось %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the draft: {0}</source>
        <translation>Открыть черновик: {0}</translation>
    </message>
</context>
<context>
    <name>PackTable</name>
    <message>
        <source>Exhibit</source>
        <extracomment>a row&apos;s state -&gt; the theme colour of its size and status (read on light and dark)</extracomment>
        <translation>Доказательство</translation>
    </message>
    <message>
        <source>File for the form</source>
        <translation>Файл для формы</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Лимит</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Что будет</translation>
    </message>
    <message>
        <source>attached as a contact sheet of stills ({0} takes no video)</source>
        <translation>прикладывается как лист кадров ({0} не принимает видео)</translation>
    </message>
    <message numerus="yes">
        <source>attached: the first %n second(s) if it is longer</source>
        <translation>
            <numerusform>прикладывается: первая %n секунда, если видео длиннее</numerusform>
            <numerusform>прикладывается: первые %n секунды, если видео длиннее</numerusform>
            <numerusform>прикладывается: первые %n секунд, если видео длиннее</numerusform>
        </translation>
    </message>
    <message>
        <source>attached</source>
        <translation>прикладывается</translation>
    </message>
    <message>
        <source>{0}; fits</source>
        <translation>{0}; помещается</translation>
    </message>
    <message>
        <source>over the limit</source>
        <translation>больше лимита</translation>
    </message>
    <message>
        <source>not attached: it cannot be made to fit, see the notes (it is in the bundle)</source>
        <translation>не прикладывается: не удаётся уложиться в лимит, см. примечания (файл есть в архиве)</translation>
    </message>
    <message numerus="yes">
        <source>not attached: {0} takes at most %n file(s); available on request</source>
        <translation>
            <numerusform>не прикладывается: {0} принимает не больше %n файла; доступно по запросу</numerusform>
            <numerusform>не прикладывается: {0} принимает не больше %n файлов; доступно по запросу</numerusform>
            <numerusform>не прикладывается: {0} принимает не больше %n файлов; доступно по запросу</numerusform>
        </translation>
    </message>
    <message>
        <source>not attached: {0} takes no PDF files; available on request</source>
        <translation>не прикладывается: {0} не принимает PDF; доступно по запросу</translation>
    </message>
    <message>
        <source>not attached: {0}&apos;s form takes no files; paste the claim text</source>
        <translation>не прикладывается: форма {0} не принимает файлы; вставьте текст претензии</translation>
    </message>
    <message>
        <source>no upload pack (it is in the bundle)</source>
        <translation>не для загрузки (файл есть в архиве)</translation>
    </message>
</context>
<context>
    <name>PrivacyBox</name>
    <message>
        <source>Privacy</source>
        <translation>Конфиденциальность</translation>
    </message>
    <message>
        <source>Upload files, the PDF and a shareable bundle leave without location, camera, author, comments or your file names, with every mask burned in. The evidence bundle is for you: it keeps the originals unmasked, with their metadata and names, because that proves they are untouched. Keep it private.</source>
        <translation>Файлы для загрузки, PDF и архив для передачи уходят без местоположения, данных камеры, автора, комментариев и ваших имён файлов, со всеми скрытыми областями. Архив доказательств — для вас: в нём оригиналы без скрытия, с метаданными и именами, потому что это доказывает, что они не изменены. Не раздавайте его.</translation>
    </message>
    <message>
        <source>Also make a shareable bundle: masked exhibits only, the originals listed by their hashes</source>
        <translation>Создать и архив для передачи: только доказательства со скрытыми областями, оригиналы — лишь их хешами</translation>
    </message>
    <message>
        <source>A second zip to send a mediator or a bank: it holds the masked exhibits and clean copies, never the originals; their SHA-256 hashes let the originals be proven later from your own bundle.</source>
        <translation>Второй zip для посредника или банка: в нём доказательства со скрытыми областями и очищенные копии, но никогда не оригиналы; по их хешам SHA-256 оригиналы можно позже подтвердить из вашего архива.</translation>
    </message>
    <message>
        <source>What was removed and what was kept</source>
        <translation>Что удалено и что сохранено</translation>
    </message>
    <message>
        <source>Shareable bundle: {0} (masked exhibits only; safe to send).</source>
        <translation>Архив для передачи: {0} (только доказательства со скрытыми областями; можно отправлять).</translation>
    </message>
</context>
<context>
    <name>RecentCases</name>
    <message>
        <source>Reading a recent case</source>
        <translation>Чтение недавнего дела</translation>
    </message>
    <message>
        <source>Case folder</source>
        <translation>Папка дела</translation>
    </message>
    <message>
        <source>The case is in:</source>
        <translation>Дело находится здесь:</translation>
    </message>
</context>
<context>
    <name>RecentRow</name>
    <message>
        <source>Reading the case…</source>
        <translation>Читаю дело…</translation>
    </message>
    <message>
        <source>{0} · opened {1}</source>
        <translation>{0} · открыто {1}</translation>
    </message>
    <message>
        <source>Cannot be opened: {0}</source>
        <translation>Не открывается: {0}</translation>
    </message>
</context>
<context>
    <name>RecorderWindow</name>
    <message>
        <source>System Settings → Privacy &amp; Security → Camera</source>
        <translation>Системные настройки → Конфиденциальность и безопасность → Камера</translation>
    </message>
    <message>
        <source>System Settings → Privacy &amp; Security → Microphone</source>
        <translation>Системные настройки → Конфиденциальность и безопасность → Микрофон</translation>
    </message>
    <message>
        <source>Settings → Privacy &amp; security → Camera (and “Let desktop apps access your camera”)</source>
        <translation>Параметры → Конфиденциальность и защита → Камера (и «Разрешить классическим приложениям доступ к камере»)</translation>
    </message>
    <message>
        <source>Settings → Privacy &amp; security → Microphone (and “Let desktop apps access your microphone”)</source>
        <translation>Параметры → Конфиденциальность и защита → Микрофон (и «Разрешить классическим приложениям доступ к микрофону»)</translation>
    </message>
    <message>
        <source>your system&apos;s privacy settings for the camera</source>
        <translation>настройках конфиденциальности системы для камеры</translation>
    </message>
    <message>
        <source>your system&apos;s privacy settings for the microphone</source>
        <translation>настройках конфиденциальности системы для микрофона</translation>
    </message>
    <message>
        <source>Evidence Kit may not use the camera. To record the unboxing, allow it in {0}, then open the recorder again. Or import a video you recorded with your phone.</source>
        <translation>Evidence Kit не разрешено пользоваться камерой. Чтобы записать распаковку, разрешите доступ: {0}, затем снова откройте запись. Или добавьте видео, снятое на телефон.</translation>
    </message>
    <message>
        <source>Evidence Kit may not use the microphone, so this take will have no sound. To record sound, allow it in {0}, then open the recorder again.</source>
        <translation>Evidence Kit не разрешено пользоваться микрофоном, поэтому видео будет без звука. Чтобы записать звук, разрешите доступ: {0}, затем снова откройте запись.</translation>
    </message>
    <message>
        <source>No camera was found. Connect a camera (or allow camera access), or import a video you recorded with your phone instead.</source>
        <translation>Камера не найдена. Подключите камеру (или разрешите доступ к ней) либо добавьте видео, снятое на телефон.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Включаю камеру…</translation>
    </message>
    <message>
        <source>Opening the camera</source>
        <translation>Включение камеры</translation>
    </message>
    <message>
        <source>with sound</source>
        <translation>со звуком</translation>
    </message>
    <message>
        <source>no sound</source>
        <translation>без звука</translation>
    </message>
    <message>
        <source>{0}: {1} × {2}, {3} fps, {4}</source>
        <translation>{0}: {1} × {2}, {3} кадр/с, {4}</translation>
    </message>
    <message>
        <source>A video file plays at its own size and rate.</source>
        <translation>Видеофайл воспроизводится в своём размере и с своей частотой кадров.</translation>
    </message>
    <message>
        <source>Cannot record</source>
        <translation>Запись невозможна</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Recording: keep the parcel in view.</source>
        <translation>Идёт запись: держите посылку в кадре.</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Начать запись</translation>
    </message>
    <message>
        <source>Finishing the recording…</source>
        <translation>Завершаю запись…</translation>
    </message>
    <message>
        <source>Finishing the recording</source>
        <translation>Завершение записи</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Ничего не записано.</translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation>Запись остановлена</translation>
    </message>
    <message>
        <source>Recording not finished</source>
        <translation>Запись не завершена</translation>
    </message>
    <message>
        <source>The recording could not be finished: %1
What reached the disk is kept at %2.</source>
        <translation>Не удалось завершить запись: %1
То, что успело записаться на диск, сохранено здесь: %2.</translation>
    </message>
</context>
<context>
    <name>RecorderWindowView</name>
    <message>
        <source>The sealed parcel, on all sides</source>
        <extracomment>what an unboxing take should show, in the order it usually happens (platform-rules §4.1)</extracomment>
        <translation>Запечатанная посылка со всех сторон</translation>
    </message>
    <message>
        <source>The shipping label</source>
        <translation>Транспортная наклейка</translation>
    </message>
    <message>
        <source>The opening</source>
        <translation>Вскрытие</translation>
    </message>
    <message>
        <source>Every item taken out</source>
        <translation>Каждый предмет, вынутый из упаковки</translation>
    </message>
    <message>
        <source>The defect, close up</source>
        <translation>Дефект крупным планом</translation>
    </message>
    <message>
        <source>Powering it on</source>
        <translation>Включение товара</translation>
    </message>
    <message>
        <source>Record the unboxing</source>
        <translation>Запись распаковки</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Включаю камеру…</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Начать запись</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>No microphone</source>
        <translation>Без микрофона</translation>
    </message>
    <message numerus="yes">
        <source>%n frames per second</source>
        <translation>
            <numerusform>%n кадр в секунду</numerusform>
            <numerusform>%n кадра в секунду</numerusform>
            <numerusform>%n кадров в секунду</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames per second</source>
        <translation>%1 кадр/с</translation>
    </message>
    <message>
        <source>Burn the date and time into the picture</source>
        <translation>Впечатать дату и время в изображение</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Микрофон</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Разрешение</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>Частота кадров</translation>
    </message>
    <message>
        <source>Show on camera</source>
        <translation>Показать на камеру</translation>
    </message>
    <message>
        <source>Start before you open the parcel and keep filming until the end: one take, no cuts. Tick each step as you show it; the time goes into the case log.</source>
        <translation>Начните до вскрытия посылки и снимайте до конца: одним дублем, без монтажа. Отмечайте каждый шаг, когда показываете его; время попадёт в журнал дела.</translation>
    </message>
    <message>
        <source>Add to the case</source>
        <translation>Добавить в дело</translation>
    </message>
    <message>
        <source>Import a video instead…</source>
        <translation>Добавить готовое видео…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>RowWords</name>
    <message>
        <source>video</source>
        <translation>видео</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>still from the video</source>
        <translation>кадр из видео</translation>
    </message>
    <message>
        <source>clip</source>
        <translation>фрагмент</translation>
    </message>
    <message>
        <source>document</source>
        <translation>документ</translation>
    </message>
    <message>
        <source>what it shows: not said yet (Shift+F2)</source>
        <translation>что видно: пока не указано (Shift+F2)</translation>
    </message>
    <message>
        <source>at {0}</source>
        <translation>на {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s)</source>
        <translation>
            <numerusform>%n пометка</numerusform>
            <numerusform>%n пометки</numerusform>
            <numerusform>%n пометок</numerusform>
        </translation>
    </message>
    <message>
        <source>not exported</source>
        <translation>не отправляется</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System ({0})</source>
        <extracomment>the choices Settings offers, each in its own language</extracomment>
        <translation>Системный ({0})</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The window changes language at once; the open case stays open. The claim and the PDF for the mediator stay in English.</source>
        <translation>Язык окна меняется сразу; открытое дело остаётся открытым. Претензия и PDF для посредника остаются на английском.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Video: previous frame</source>
        <extracomment>the panels&apos; own keys: owner class -&gt; (keys as QKeySequence writes them, what they do), marked for Qt Linguist and translated where listed</extracomment>
        <translation>Видео: предыдущий кадр</translation>
    </message>
    <message>
        <source>Video: next frame</source>
        <translation>Видео: следующий кадр</translation>
    </message>
    <message>
        <source>Video: one second back</source>
        <translation>Видео: на секунду назад</translation>
    </message>
    <message>
        <source>Video: one second on</source>
        <translation>Видео: на секунду вперёд</translation>
    </message>
    <message>
        <source>Video: play or pause</source>
        <translation>Видео: воспроизведение или пауза</translation>
    </message>
    <message>
        <source>Video: play backwards (again: faster)</source>
        <translation>Видео: назад (ещё раз — быстрее)</translation>
    </message>
    <message>
        <source>Video: pause</source>
        <translation>Видео: пауза</translation>
    </message>
    <message>
        <source>Video: play (again: faster)</source>
        <translation>Видео: воспроизвести (ещё раз — быстрее)</translation>
    </message>
    <message>
        <source>Video: sound on or off</source>
        <translation>Видео: включить или выключить звук</translation>
    </message>
    <message>
        <source>Video: louder</source>
        <translation>Видео: громче</translation>
    </message>
    <message>
        <source>Video: quieter</source>
        <translation>Видео: тише</translation>
    </message>
    <message>
        <source>Video: grab the frame on screen as evidence</source>
        <translation>Видео: взять кадр на экране как доказательство</translation>
    </message>
    <message>
        <source>Video: clip starts here</source>
        <translation>Видео: фрагмент начинается здесь</translation>
    </message>
    <message>
        <source>Video: clip ends here</source>
        <translation>Видео: фрагмент заканчивается здесь</translation>
    </message>
    <message>
        <source>Video: remove the selected grabs</source>
        <translation>Видео: удалить выбранные кадры</translation>
    </message>
    <message>
        <source>Video: mask an area (draw a box on the frame)</source>
        <translation>Видео: скрыть область (нарисуйте рамку на кадре)</translation>
    </message>
    <message>
        <source>Video: stop drawing a mask, then unselect it</source>
        <translation>Видео: прекратить рисование маски, затем снять выделение</translation>
    </message>
    <message>
        <source>Editor: delete the selected marks</source>
        <translation>Редактор: удалить выбранные пометки</translation>
    </message>
    <message>
        <source>Editor: copy the selected marks (or the picture)</source>
        <translation>Редактор: копировать выбранные пометки (или изображение)</translation>
    </message>
    <message>
        <source>Editor: paste</source>
        <translation>Редактор: вставить</translation>
    </message>
    <message>
        <source>Editor: zoom in</source>
        <translation>Редактор: увеличить</translation>
    </message>
    <message>
        <source>Editor: zoom out</source>
        <translation>Редактор: уменьшить</translation>
    </message>
    <message>
        <source>Editor: clear the selection, back to Select</source>
        <translation>Редактор: снять выделение, вернуться к «Выбору»</translation>
    </message>
    <message>
        <source>Dispute timeline: remove the selected event</source>
        <translation>Ход спора: удалить выбранное событие</translation>
    </message>
    <message>
        <source>Dispute timeline: change the selected event</source>
        <translation>Ход спора: изменить выбранное событие</translation>
    </message>
    <message>
        <source>Date field: open the calendar</source>
        <translation>Поле даты: открыть календарь</translation>
    </message>
    <message>
        <source>Editor tool: {0}</source>
        <translation>Инструмент редактора: {0}</translation>
    </message>
</context>
<context>
    <name>Sizes</name>
    <message>
        <source>{0} MB</source>
        <extracomment>the theme colour of each status</extracomment>
        <translation>{0} МБ</translation>
    </message>
    <message>
        <source>{0} KB</source>
        <translation>{0} КБ</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Evidence Kit</source>
        <extracomment>a row wants its case read (path); the window reads it off the GUI thread</extracomment>
        <translation>Evidence Kit</translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>вчера</translation>
    </message>
    <message>
        <source>Your order came broken, wrong, incomplete or never came? Collect the proof, mark it up, and send a clear claim before the deadline.</source>
        <translation>Заказ пришёл сломанным, не тем, неполным или не пришёл вовсе? Соберите доказательства, отметьте главное и отправьте понятную претензию до конца срока.</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Новое дело…</translation>
    </message>
    <message>
        <source>Start a dispute for one order</source>
        <translation>Начать спор по одному заказу</translation>
    </message>
    <message>
        <source>Open case…</source>
        <translation>Открыть дело…</translation>
    </message>
    <message>
        <source>Continue a case folder</source>
        <translation>Продолжить работу с папкой дела</translation>
    </message>
    <message>
        <source>Open sample case</source>
        <translation>Открыть пример</translation>
    </message>
    <message>
        <source>Try the app on a cracked-mug example</source>
        <translation>Попробовать на примере с треснувшей кружкой</translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation>Недавние дела</translation>
    </message>
    <message>
        <source>No recent cases yet. The cases you open appear here.</source>
        <translation>Недавних дел пока нет. Здесь появятся дела, которые вы откроете.</translation>
    </message>
    <message>
        <source>{0}
Click to open it; right-click for more.</source>
        <translation>{0}
Щёлкните, чтобы открыть; правый щелчок — другие действия.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Показать папку</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Убрать из списка</translation>
    </message>
</context>
<context>
    <name>StepRail</name>
    <message>
        <source>Facts</source>
        <translation>Факты</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Доказательства</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Претензия</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>Спор</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>Дальше: {0}</translation>
    </message>
    <message>
        <source>Go on to the next step</source>
        <translation>Перейти к следующему шагу</translation>
    </message>
    <message>
        <source>Next (since {0}):
{1}</source>
        <translation>Дальше (с {0}):
{1}</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>осталось: {0}</translation>
    </message>
    <message>
        <source>{0} late</source>
        <translation>просрочено на {0}</translation>
    </message>
    <message>
        <source>Next, by {0} ({1}):
{2}</source>
        <translation>Дальше, до {0} ({1}):
{2}</translation>
    </message>
    <message>
        <source>Deadline: enter {0} (step 1) to see it.</source>
        <translation>Срок: укажите {0} (шаг 1), чтобы его увидеть.</translation>
    </message>
    <message>
        <source>⚠ {0}: about {1}.
Enter {2} to know it.</source>
        <translation>⚠ {0}: примерно {1}.
Укажите {2}, чтобы знать точно.</translation>
    </message>
    <message>
        <source>⚠ {0}: closed {1} ago ({2})</source>
        <translation>⚠ {0}: закрылся {1} назад ({2})</translation>
    </message>
    <message>
        <source>{0}:
{1} left ({2})</source>
        <translation>{0}:
осталось: {1} ({2})</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <source>Mask personal data</source>
        <translation>Скрыть личные данные</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Лицо</translation>
    </message>
    <message>
        <source>Text line</source>
        <translation>Строка текста</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR-код</translation>
    </message>
    <message>
        <source>DataMatrix code</source>
        <translation>Код DataMatrix</translation>
    </message>
    <message>
        <source>PDF417 code</source>
        <translation>Код PDF417</translation>
    </message>
    <message>
        <source>Aztec code</source>
        <translation>Код Aztec</translation>
    </message>
    <message>
        <source>MaxiCode</source>
        <translation>MaxiCode</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <source>Mask ticked areas</source>
        <translation>Скрыть отмеченные области</translation>
    </message>
    <message>
        <source>Tick what should be hidden before anything is uploaded.</source>
        <translation>Отметьте, что нужно скрыть до любой загрузки.</translation>
    </message>
</context>
<context>
    <name>TakeSealer</name>
    <message>
        <source>Sealing the recording: hashing and adding it to the case…</source>
        <translation>Запечатываю запись: считаю хеш и добавляю в дело…</translation>
    </message>
    <message>
        <source>Adding the recording</source>
        <translation>Добавление записи</translation>
    </message>
    <message>
        <source>Added to the case: %1 (sha256 %2…)</source>
        <translation>Добавлено в дело: %1 (sha256 %2…)</translation>
    </message>
    <message>
        <source>Recording not added</source>
        <translation>Запись не добавлена</translation>
    </message>
    <message>
        <source>The recording was kept at %1 but could not be added: %2</source>
        <translation>Запись сохранена в %1, но добавить её не удалось: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) stopped unexpectedly</source>
        <translation>
            <numerusform>%n запись прервалась неожиданно</numerusform>
            <numerusform>%n записи прервались неожиданно</numerusform>
            <numerusform>%n записей прервались неожиданно</numerusform>
        </translation>
    </message>
    <message>
        <source> (the app or computer closed while recording). What reached the disk can still be added to the case.</source>
        <translation> (программа или компьютер закрылись во время записи). То, что успело записаться на диск, ещё можно добавить в дело.</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отменяю…</translation>
    </message>
</context>
<context>
    <name>ThumbLoader</name>
    <message>
        <source>Thumbnail</source>
        <translation>Миниатюра</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline</source>
        <translation>Шкала времени</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>&lt;b&gt;Timeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ход спора&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No events yet. When you open the dispute on the platform, add &apos;Dispute opened&apos; here: every deadline counts from it.</source>
        <translation>Событий пока нет. Когда откроете спор на площадке, добавьте здесь «Спор открыт»: от него отсчитываются все сроки.</translation>
    </message>
    <message>
        <source>+ Add event…</source>
        <translation>+ Добавить событие…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Record what happened (Ctrl+N in this list)</source>
        <translation>Записать, что произошло (Ctrl+N в этом списке)</translation>
    </message>
    <message>
        <source>tracking {0}</source>
        <translation>трек-номер {0}</translation>
    </message>
    <message>
        <source>address NOT in the form</source>
        <translation>адрес НЕ в форме спора</translation>
    </message>
</context>
<context>
    <name>TimestampChoice</name>
    <message>
        <source>Off: nothing leaves this computer</source>
        <translation>Выкл.: ничто не покидает компьютер</translation>
    </message>
    <message>
        <source>{0}: sends only the bundle&apos;s hash, online</source>
        <translation>{0}: отправляет в интернет только хеш архива</translation>
    </message>
    <message>
        <source>A timestamp authority signs the hash of the bundle&apos;s manifest, which proves the evidence existed no later than that moment. Only the hash is sent.</source>
        <translation>Служба меток времени подписывает хеш описи архива — это доказывает, что доказательства существовали не позднее этого момента. Отправляется только хеш.</translation>
    </message>
</context>
<context>
    <name>TranslationReview</name>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Listing says</source>
        <translation>В описании товара</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Seller&apos;s reply</source>
        <translation>Ответ продавца</translation>
    </message>
    <message>
        <source>Claim text</source>
        <translation>Текст претензии</translation>
    </message>
    <message>
        <source>Review the translation</source>
        <translation>Проверьте перевод</translation>
    </message>
    <message>
        <source>Check the English before it goes into your claim. You can correct it.</source>
        <translation>Проверьте английский текст, прежде чем он попадёт в претензию. Его можно исправить.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your text&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ваш текст&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;English&lt;/b&gt;</source>
        <translation>&lt;b&gt;По-английски&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Use the translation</source>
        <translation>Взять перевод</translation>
    </message>
    <message>
        <source>Keep the original</source>
        <translation>Оставить оригинал</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>There is no text to translate yet.</source>
        <translation>Пока нечего переводить.</translation>
    </message>
    <message>
        <source>The translation failed ({0}). Your text was kept as it is.</source>
        <translation>Перевести не удалось ({0}). Ваш текст остался как был.</translation>
    </message>
    <message>
        <source>Translating to English</source>
        <translation>Перевод на английский</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Sound plays at normal speed, forwards.</source>
        <extracomment>the speeds offered; J and L pressed again step through them</extracomment>
        <translation>Звук слышен только при обычной скорости вперёд.</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Включить звук</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Выключить звук</translation>
    </message>
    <message>
        <source>Volume %1% (Ctrl+Up / Ctrl+Down)</source>
        <translation>Громкость %1% (Ctrl+↑ / Ctrl+↓)</translation>
    </message>
</context>
<context>
    <name>VideoMaskTools</name>
    <message>
        <source>Masks on this video</source>
        <translation>Маски этого видео</translation>
    </message>
    <message>
        <source>Mask area</source>
        <translation>Скрыть область</translation>
    </message>
    <message>
        <source>Draw a box on the frame to hide it from the in point to the out point (X, as Redact in the editor)</source>
        <translation>Нарисуйте рамку на кадре, чтобы скрыть область от начала до конца (X, как «Скрыть» в редакторе)</translation>
    </message>
    <message>
        <source>Use in/out</source>
        <translation>По началу/концу</translation>
    </message>
    <message>
        <source>Hide the selected mask from in to out</source>
        <translation>Скрывать выбранную маску от начала до конца</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the selected mask (Delete)</source>
        <translation>Удалить выбранную маску (Delete)</translation>
    </message>
    <message>
        <source>Solid</source>
        <translation>Заливка</translation>
    </message>
    <message>
        <source>Pixelate (secure)</source>
        <translation>Пикселизация (надёжно)</translation>
    </message>
    <message>
        <source>How a new mask hides: an opaque box, or pixels made only from the surroundings</source>
        <translation>Как скрывает новая маска: непрозрачной заливкой или пикселями, взятыми только из окружения</translation>
    </message>
    <message>
        <source>Masks (hidden in every clip, sheet and frame)</source>
        <translation>Маски (скрыты в каждом фрагменте, листе кадров и кадре)</translation>
    </message>
    <message>
        <source>Draw where the selected mask should be at this time; it moves there smoothly.</source>
        <translation>Нарисуйте, где должна быть выбранная маска в этот момент; она плавно переместится туда.</translation>
    </message>
    <message>
        <source>Draw a box over what to hide; it is hidden from {0} to {1}.</source>
        <translation>Нарисуйте рамку поверх того, что нужно скрыть; оно будет скрыто с {0} до {1}.</translation>
    </message>
    <message>
        <source>Move mask</source>
        <translation>Переместить маску</translation>
    </message>
    <message>
        <source>Select a mask first.</source>
        <translation>Сначала выберите маску.</translation>
    </message>
    <message>
        <source>Mask range</source>
        <translation>Время маски</translation>
    </message>
    <message>
        <source>Remove mask</source>
        <translation>Удалить маску</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <source>Select a video to see it here.</source>
        <translation>Выберите видео, чтобы увидеть его здесь.</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>Открываю {0}…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Открываю…</translation>
    </message>
    <message>
        <source> · turned upright</source>
        <translation> · повёрнуто вертикально</translation>
    </message>
    <message>
        <source> variable</source>
        <translation> переменная</translation>
    </message>
    <message>
        <source> · truncated: only {0} readable</source>
        <translation> · обрезано: читается только {0}</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Making the filmstrip</source>
        <translation>Создание раскадровки</translation>
    </message>
    <message>
        <source>{0}  — {1}</source>
        <translation>{0}  — {1}</translation>
    </message>
    <message>
        <source>Key moments</source>
        <translation>Ключевые моменты</translation>
    </message>
    <message>
        <source>the picture changes a lot</source>
        <translation>картинка сильно меняется</translation>
    </message>
    <message>
        <source>the picture changes</source>
        <translation>картинка меняется</translation>
    </message>
    <message>
        <source>a small change</source>
        <translation>небольшое изменение</translation>
    </message>
    <message>
        <source>Clip: in {0}, out {1}</source>
        <translation>Фрагмент: начало {0}, конец {1}</translation>
    </message>
    <message>
        <source>Set the in and out points first (I and O).</source>
        <translation>Сначала отметьте начало и конец (I и O).</translation>
    </message>
    <message>
        <source>Remove grab</source>
        <translation>Удалить кадр</translation>
    </message>
</context>
<context>
    <name>VideoPanelView</name>
    <message>
        <source>Play</source>
        <extracomment>grab file formats offered, as (label, format id used by grab_frames)</extracomment>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>One second back (Shift+←)</source>
        <translation>На секунду назад (Shift+←)</translation>
    </message>
    <message>
        <source>Play / pause (Space); L plays, K pauses, J plays backwards</source>
        <translation>Воспроизвести / пауза (пробел); L — вперёд, K — пауза, J — назад</translation>
    </message>
    <message>
        <source>One frame back (← or ,)</source>
        <translation>На кадр назад (← или ,)</translation>
    </message>
    <message>
        <source>One frame forward (→ or .)</source>
        <translation>На кадр вперёд (→ или .)</translation>
    </message>
    <message>
        <source>One second forward (Shift+→)</source>
        <translation>На секунду вперёд (Shift+→)</translation>
    </message>
    <message>
        <source>Playback speed (L again: faster, J: backwards)</source>
        <translation>Скорость (ещё раз L — быстрее, J — назад)</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Выключить звук</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Громкость</translation>
    </message>
    <message>
        <source>Grab frame</source>
        <translation>Взять кадр</translation>
    </message>
    <message>
        <source>Add this exact frame as evidence (G)</source>
        <translation>Добавить именно этот кадр как доказательство (G)</translation>
    </message>
    <message>
        <source>Sharpest near here</source>
        <translation>Самый резкий рядом</translation>
    </message>
    <message>
        <source>Find the sharpest frame within ±0.5 s</source>
        <translation>Найти самый резкий кадр в пределах ±0,5 с</translation>
    </message>
    <message>
        <source>Set in</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Clip starts here (I)</source>
        <translation>Фрагмент начинается здесь (I)</translation>
    </message>
    <message>
        <source>Set out</source>
        <translation>Конец</translation>
    </message>
    <message>
        <source>Clip ends here (O)</source>
        <translation>Фрагмент заканчивается здесь (O)</translation>
    </message>
    <message>
        <source>Make clip</source>
        <translation>Вырезать фрагмент</translation>
    </message>
    <message>
        <source>Cut [in, out] into a new clip item</source>
        <translation>Вырезать [начало, конец] в новый фрагмент</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>Print the file name, the frame&apos;s time, the recording clock and the hash under each grab</source>
        <translation>Печатать под каждым кадром имя файла, время кадра, часы записи и хеш</translation>
    </message>
    <message>
        <source>File format of new grabs: PNG is exact, JPEG is smaller</source>
        <translation>Формат новых кадров: PNG — без потерь, JPEG — меньше</translation>
    </message>
    <message>
        <source>Grabs and clips</source>
        <translation>Кадры и фрагменты</translation>
    </message>
    <message>
        <source>Suggested key moments</source>
        <translation>Предложенные ключевые моменты</translation>
    </message>
    <message>
        <source>Grab suggestion</source>
        <translation>Взять предложенный</translation>
    </message>
    <message>
        <source>Grab the selected suggested moment</source>
        <translation>Взять выбранный предложенный момент</translation>
    </message>
    <message>
        <source>Grabs and clips (double-click to seek, Delete to remove)</source>
        <translation>Кадры и фрагменты (двойной щелчок — перейти, Delete — удалить)</translation>
    </message>
    <message>
        <source>Suggested moments (not evidence until grabbed)</source>
        <translation>Предложенные моменты (не доказательства, пока не взяты)</translation>
    </message>
</context>
<context>
    <name>WordingPanel</name>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Keep my words</source>
        <translation>Оставить мои слова</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>Принять все</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wording to check&lt;/b&gt; ({0}): nothing changes until you accept</source>
        <translation>&lt;b&gt;Формулировки на проверку&lt;/b&gt; ({0}): ничего не меняется, пока вы не примете</translation>
    </message>
    <message>
        <source>Accept wording</source>
        <translation>Принять формулировку</translation>
    </message>
    <message>
        <source>Keep my wording</source>
        <translation>Оставить мою формулировку</translation>
    </message>
</context>
<context>
    <name>sources</name>
    <message>
        <source>check your order page</source>
        <extracomment>&quot;[A7, M]&quot; or &quot;[Z1, H; E7, M]&quot; at the end of a sentence in the rules file</extracomment>
        <translation>сверьте со страницей заказа</translation>
    </message>
    <message>
        <source>high confidence</source>
        <translation>высокая достоверность</translation>
    </message>
    <message>
        <source>medium confidence</source>
        <translation>средняя достоверность</translation>
    </message>
    <message>
        <source>low confidence</source>
        <translation>низкая достоверность</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>нет источника</translation>
    </message>
    <message>
        <source>No source for this value: {0}.</source>
        <translation>У этого значения нет источника: {0}.</translation>
    </message>
    <message>
        <source>Source: {0} — {1}</source>
        <translation>Источник: {0} — {1}</translation>
    </message>
    <message>
        <source>not certain: {0}</source>
        <translation>не точно: {0}</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
</context>
</TS>
