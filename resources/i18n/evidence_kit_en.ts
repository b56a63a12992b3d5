<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClaimTextPanel</name>
    <message numerus="yes">
        <source>You wrote or changed %n paragraph(s). Keep them in the new text?</source>
        <translation>
            <numerusform>You wrote or changed %n paragraph. Keep them in the new text?</numerusform>
            <numerusform>You wrote or changed %n paragraphs. Keep them in the new text?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlineList</name>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisputePage</name>
    <message numerus="yes">
        <source>Saved %n deadline(s) to {0}. Open the file to add them to your calendar.</source>
        <translation>
            <numerusform>Saved %n deadline to {0}. Open the file to add them to your calendar.</numerusform>
            <numerusform>Saved %n deadlines to {0}. Open the file to add them to your calendar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message numerus="yes">
        <source>%n errors happened.</source>
        <translation>
            <numerusform>%n errors happened.</numerusform>
            <numerusform>%n errors happened.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Importing %n file…</numerusform>
            <numerusform>Importing %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n file(s)</source>
        <translation>
            <numerusform>Import %n file</numerusform>
            <numerusform>Import %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemActions</name>
    <message numerus="yes">
        <source>Remove %n item(s)</source>
        <translation>
            <numerusform>Remove %n item</numerusform>
            <numerusform>Remove %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the files of %n removed item(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the files of %n removed item for good? This cannot be undone.</numerusform>
            <numerusform>Delete the files of %n removed items for good? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NextActionCard</name>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>passed %n day(s) ago</source>
        <translation>
            <numerusform>passed %n day ago</numerusform>
            <numerusform>passed %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n day(s) on</source>
        <translation>
            <numerusform>from %n day on</numerusform>
            <numerusform>from %n days on</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackTable</name>
    <message numerus="yes">
        <source>attached: the first %n second(s) if it is longer</source>
        <translation>
            <numerusform>attached: the first %n second if it is longer</numerusform>
            <numerusform>attached: the first %n seconds if it is longer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not attached: {0} takes at most %n file(s); available on request</source>
        <translation>
            <numerusform>not attached: {0} takes at most %n file; available on request</numerusform>
            <numerusform>not attached: {0} takes at most %n files; available on request</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecorderWindowView</name>
    <message numerus="yes">
        <source>%n frames per second</source>
        <translation>
            <numerusform>%n frames per second</numerusform>
            <numerusform>%n frames per second</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowWords</name>
    <message numerus="yes">
        <source>%n mark(s)</source>
        <translation>
            <numerusform>%n mark</numerusform>
            <numerusform>%n marks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TakeSealer</name>
    <message numerus="yes">
        <source>%n recording(s) stopped unexpectedly</source>
        <translation>
            <numerusform>%n recording stopped unexpectedly</numerusform>
            <numerusform>%n recordings stopped unexpectedly</numerusform>
        </translation>
    </message>
</context>
</TS>
