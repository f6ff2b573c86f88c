<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Where and when</source>
        <translation>Where and when</translation>
    </message>
    <message>
        <source>People and results</source>
        <translation>People and results</translation>
    </message>
    <message>
        <source>Waste collected, tonnes</source>
        <translation>Waste collected, tonnes</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>&amp;Settlement</source>
        <translation>&amp;Settlement</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>&amp;Campaign</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>P&amp;lace</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <source>&amp;Area cleaned</source>
        <translation>&amp;Area cleaned</translation>
    </message>
    <message>
        <source>&amp;Trees planted</source>
        <translation>&amp;Trees planted</translation>
    </message>
    <message>
        <source>&amp;GPS (lat., long.)</source>
        <translation>&amp;GPS (lat., long.)</translation>
    </message>
    <message>
        <source>&amp;Reported by</source>
        <translation>&amp;Reported by</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>ha</source>
        <translation>ha</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <source>e.g. the river bank by the school</source>
        <translation>e.g. the river bank by the school</translation>
    </message>
    <message>
        <source>Type a name in Kazakh or Russian</source>
        <translation>Type a name in Kazakh or Russian</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>latitude</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>longitude</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>Save as draft</translation>
    </message>
    <message>
        <source>Keep it on this laptop to finish later (Ctrl+S)</source>
        <translation>Keep it on this laptop to finish later (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save, ready to send</source>
        <translation>Save, ready to send</translation>
    </message>
    <message>
        <source>It will be sent at the next connection (Ctrl+Enter)</source>
        <translation>It will be sent at the next connection (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Edit clean-up action</source>
        <translation>Edit clean-up action</translation>
    </message>
    <message>
        <source>New clean-up action</source>
        <translation>New clean-up action</translation>
    </message>
    <message>
        <source>Choose a campaign…</source>
        <translation>Choose a campaign…</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need correcting: see the red notes above.</source>
        <translation>
            <numerusform>%n field needs correcting: see the red notes above.</numerusform>
            <numerusform>%n fields need correcting: see the red notes above.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: {tonnes} t</source>
        <translation>Total: {tonnes} t</translation>
    </message>
    <message>
        <source>from {photo}</source>
        <translation>from {photo}</translation>
    </message>
    <message>
        <source>This is not a number.</source>
        <translation>This is not a number.</translation>
    </message>
</context>
<context>
    <name>ActionEditor</name>
    <message>
        <source>(no comment)</source>
        <translation>(no comment)</translation>
    </message>
    <message>
        <source>The coordinator returned this record: «{comment}». Correct it and save it as ready to send.</source>
        <translation>The coordinator returned this record: «{comment}». Correct it and save it as ready to send.</translation>
    </message>
    <message>
        <source>The coordinator has accepted this record.</source>
        <translation>The coordinator has accepted this record.</translation>
    </message>
    <message>
        <source>This record has been sent. Saving a change sends the new version.</source>
        <translation>This record has been sent. Saving a change sends the new version.</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message>
        <source>The record could not be saved: {error}. Nothing was changed.</source>
        <translation>The record could not be saved: {error}. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>ActionTable</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>Tonnes</translation>
    </message>
    <message>
        <source>Hectares</source>
        <translation>Hectares</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Returned by the coordinator: {comment}</source>
        <translation>Returned by the coordinator: {comment}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Two versions of one record</source>
        <translation>Two versions of one record</translation>
    </message>
    <message>
        <source>The server has another version of this record, made elsewhere. Its copy has not been fetched yet: press «Send now», then open this record again.</source>
        <translation>The server has another version of this record, made elsewhere. Its copy has not been fetched yet: press «Send now», then open this record again.</translation>
    </message>
    <message>
        <source>The server has another version of this record, made elsewhere (its revision {server}). Choose what to keep: the differences are marked. Both versions stay in the record&apos;s history.</source>
        <translation>The server has another version of this record, made elsewhere (its revision {server}). Choose what to keep: the differences are marked. Both versions stay in the record&apos;s history.</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s version</source>
        <translation>Keep this laptop&apos;s version</translation>
    </message>
    <message>
        <source>Take the server&apos;s version</source>
        <translation>Take the server&apos;s version</translation>
    </message>
    <message>
        <source>Keep the chosen values</source>
        <translation>Keep the chosen values</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Decide later</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>On this laptop</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>On the server</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Connect to the server</source>
        <translation>Connect to the server</translation>
    </message>
    <message>
        <source>IT staff give each laptop a file or a one-time code. With it, this laptop gets its own access to the server and can send its records.</source>
        <translation>IT staff give each laptop a file or a one-time code. With it, this laptop gets its own access to the server and can send its records.</translation>
    </message>
    <message>
        <source>&amp;Open the file from IT staff…</source>
        <translation>&amp;Open the file from IT staff…</translation>
    </message>
    <message>
        <source>or type the server&apos;s address and the code:</source>
        <translation>or type the server&apos;s address and the code:</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;Server address</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Laptop name</source>
        <translation>&amp;Laptop name</translation>
    </message>
    <message>
        <source>How the server lists this laptop</source>
        <translation>How the server lists this laptop</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>The file from IT staff</source>
        <translation>The file from IT staff</translation>
    </message>
    <message>
        <source>Enrolment files (*.json);;All files (*)</source>
        <translation>Enrolment files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, or open the file from IT staff.</source>
        <translation>Type the server&apos;s address, or open the file from IT staff.</translation>
    </message>
    <message>
        <source>Type the code from IT staff.</source>
        <translation>Type the code from IT staff.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All months</source>
        <translation>All months</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>All campaigns</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Search: settlement, place, notes, reporter</source>
        <translation>Search: settlement, place, notes, reporter</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
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
        <translation>Clean-up actions</translation>
    </message>
    <message>
        <source>+ New action</source>
        <translation>+ New action</translation>
    </message>
    <message>
        <source>Log a clean-up action (Ctrl+N)</source>
        <translation>Log a clean-up action (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>&amp;Actions</translation>
    </message>
    <message>
        <source>&amp;New action…</source>
        <translation>&amp;New action…</translation>
    </message>
    <message>
        <source>&amp;Open selected…</source>
        <translation>&amp;Open selected…</translation>
    </message>
    <message>
        <source>&amp;Delete selected…</source>
        <translation>&amp;Delete selected…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Change rural o&amp;krug…</source>
        <translation>Change rural o&amp;krug…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Taza Field</source>
        <translation>&amp;About Taza Field</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Show them</translation>
    </message>
    <message>
        <source>&amp;Sending</source>
        <translation>&amp;Sending</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Send now</translation>
    </message>
    <message>
        <source>S&amp;top sending</source>
        <translation>S&amp;top sending</translation>
    </message>
    <message>
        <source>Write a &amp;USB file…</source>
        <translation>Write a &amp;USB file…</translation>
    </message>
    <message>
        <source>&amp;Connect to the server…</source>
        <translation>&amp;Connect to the server…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches these filters.</source>
        <translation>Nothing matches these filters.</translation>
    </message>
    <message>
        <source>No clean-up actions yet.
Click «+ New action» to log the first one.</source>
        <translation>No clean-up actions yet.
Click «+ New action» to log the first one.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not take %n record(s): open each to see why and what to do.</source>
        <translation>
            <numerusform>The server did not take %n record: open it to see why and what to do.</numerusform>
            <numerusform>The server did not take %n records: open each to see why and what to do.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) returned by the coordinator: please correct and send again.</source>
        <translation>
            <numerusform>%n record returned by the coordinator: please correct it and send it again.</numerusform>
            <numerusform>%n records returned by the coordinator: please correct them and send them again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Coordinator&apos;s comment: {comment}</source>
        <translation>Coordinator&apos;s comment: {comment}</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>Delete the record</translation>
    </message>
    <message>
        <source>Delete this record? Its history is kept, and the coordinator is told.</source>
        <translation>Delete this record? Its history is kept, and the coordinator is told.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
    <message>
        <source>Taza Field</source>
        <translation>Taza Field</translation>
    </message>
    <message>
        <source>Change rural okrug</source>
        <translation>Change rural okrug</translation>
    </message>
    <message>
        <source>This laptop already holds records of «{okrug}», so its okrug cannot be changed. If it was set up wrongly, ask your IT staff.</source>
        <translation>This laptop already holds records of «{okrug}», so its okrug cannot be changed. If it was set up wrongly, ask your IT staff.</translation>
    </message>
    <message>
        <source>About Taza Field</source>
        <translation>About Taza Field</translation>
    </message>
    <message>
        <source>Taza Field {version}
Logging the clean-up actions of the «Таза Қазақстан» programme.</source>
        <translation>Taza Field {version}
Logging the clean-up actions of the «Таза Қазақстан» programme.</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Write a USB file</source>
        <translation>Write a USB file</translation>
    </message>
    <message>
        <source>Taza Field USB files (*.tazabundle)</source>
        <translation>Taza Field USB files (*.tazabundle)</translation>
    </message>
    <message>
        <source>Written to {path}: {records} records and {photos} photos. Take the file to the district coordinator; the records stay here until the server confirms them.</source>
        <translation>Written to {path}: {records} records and {photos} photos. Take the file to the district coordinator; the records stay here until the server confirms them.</translation>
    </message>
</context>
<context>
    <name>OkrugDialog</name>
    <message>
        <source>Taza Field: your okrug</source>
        <translation>Taza Field: your okrug</translation>
    </message>
    <message>
        <source>Welcome to Taza Field</source>
        <translation>Welcome to Taza Field</translation>
    </message>
    <message>
        <source>Which rural okrug does this laptop report for? Until the first record is saved, you can change it in the Actions menu.</source>
        <translation>Which rural okrug does this laptop report for? Until the first record is saved, you can change it in the Actions menu.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Find your okrug by name</source>
        <translation>Find your okrug by name</translation>
    </message>
    <message>
        <source>Type the name in Kazakh or Russian, e.g. Қайнар</source>
        <translation>Type the name in Kazakh or Russian, e.g. Қайнар</translation>
    </message>
    <message>
        <source>Or choose it from the lists</source>
        <translation>Or choose it from the lists</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Rural okrug</source>
        <translation>Rural okrug</translation>
    </message>
    <message>
        <source>Your okrug will be shown here once you choose it.</source>
        <translation>Your okrug will be shown here once you choose it.</translation>
    </message>
    <message>
        <source>Use this okrug</source>
        <translation>Use this okrug</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose a region…</source>
        <translation>Choose a region…</translation>
    </message>
    <message>
        <source>No rural okrugs</source>
        <translation>No rural okrugs</translation>
    </message>
    <message>
        <source>Choose a district…</source>
        <translation>Choose a district…</translation>
    </message>
    <message>
        <source>Choose an okrug…</source>
        <translation>Choose an okrug…</translation>
    </message>
    <message>
        <source>{region} has no rural okrugs, only city districts. Choose the region your okrug is in.</source>
        <translation>{region} has no rural okrugs, only city districts. Choose the region your okrug is in.</translation>
    </message>
    <message>
        <source>KATO {code}</source>
        <translation>KATO {code}</translation>
    </message>
    <message>
        <source>KATO lists no settlements under it.</source>
        <translation>KATO lists no settlements under it.</translation>
    </message>
    <message numerus="yes">
        <source>%n settlement(s): {names}</source>
        <translation>
            <numerusform>%n settlement: {names}</numerusform>
            <numerusform>%n settlements: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>No okrug matches «{query}». Check the spelling, or type just the start of the name.</source>
        <translation>No okrug matches «{query}». Check the spelling, or type just the start of the name.</translation>
    </message>
    <message>
        <source>Showing the first {count}: type more of the name.</source>
        <translation>Showing the first {count}: type more of the name.</translation>
    </message>
    <message numerus="yes">
        <source>%n okrug(s) found: click one, or press Enter to choose the highlighted one.</source>
        <translation>
            <numerusform>%n okrug found: click it, or press Enter to choose it.</numerusform>
            <numerusform>%n okrugs found: click one, or press Enter to choose the highlighted one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoCard</name>
    <message>
        <source>What the photo shows: before, during or after the clean-up</source>
        <translation>What the photo shows: before, during or after the clean-up</translation>
    </message>
    <message>
        <source>Photo role</source>
        <translation>Photo role</translation>
    </message>
    <message>
        <source>Remove this photo (Delete)</source>
        <translation>Remove this photo (Delete)</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Open large (Enter)</source>
        <translation>Open large (Enter)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>No preview</translation>
    </message>
    <message>
        <source>Taken {when}</source>
        <translation>Taken {when}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photos…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>Choose photos on this computer ({formats}). You can also drag them onto this area.</source>
        <translation>Choose photos on this computer ({formats}). You can also drag them onto this area.</translation>
    </message>
    <message>
        <source>No photos yet — add them or drop them here</source>
        <translation>No photos yet — add them or drop them here</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>Dismiss all</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Dismiss this message</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Photos ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>“{name}” was not added again: the same photo is already attached.</source>
        <translation>“{name}” was not added again: the same photo is already attached.</translation>
    </message>
    <message>
        <source>“{name}” could not be added because of an error in the program. It has been written to the log.</source>
        <translation>“{name}” could not be added because of an error in the program. It has been written to the log.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not added: an action can have at most {max} photos.</source>
        <translation>
            <numerusform>%n file was not added: an action can have at most {max} photos.</numerusform>
            <numerusform>%n files were not added: an action can have at most {max} photos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Processing {current} of {total}…</source>
        <translation>Processing {current} of {total}…</translation>
    </message>
    <message>
        <source>{count} of {max} photos</source>
        <translation>{count} of {max} photos</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>This photo is not on this computer.</source>
        <translation>This photo is not on this computer.</translation>
    </message>
    <message>
        <source>The photo could not be read.</source>
        <translation>The photo could not be read.</translation>
    </message>
    <message>
        <source>Taken {when}</source>
        <translation>Taken {when}</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Please check</source>
        <translation>Please check</translation>
    </message>
    <message>
        <source>Some figures look unusual. Save anyway?</source>
        <translation>Some figures look unusual. Save anyway?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Go back and check</source>
        <translation>Go back and check</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>This settlement already has a record of this campaign on this day. Is this a different clean-up?</source>
        <translation>This settlement already has a record of this campaign on this day. Is this a different clean-up?</translation>
    </message>
    <message>
        <source>Yes, save it too</source>
        <translation>Yes, save it too</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>Accepted record</source>
        <translation>Accepted record</translation>
    </message>
    <message>
        <source>The coordinator has accepted this record. If you change it, it goes to review again.</source>
        <translation>The coordinator has accepted this record. If you change it, it goes to review again.</translation>
    </message>
    <message>
        <source>Change it</source>
        <translation>Change it</translation>
    </message>
    <message>
        <source>Keep it as it is</source>
        <translation>Keep it as it is</translation>
    </message>
    <message>
        <source>Close the form</source>
        <translation>Close the form</translation>
    </message>
    <message>
        <source>Close without saving? What you typed will be lost.</source>
        <translation>Close without saving? What you typed will be lost.</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop sending: what has gone stays on the server</source>
        <translation>Stop sending: what has gone stays on the server</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Connect…</translation>
    </message>
    <message>
        <source>Connect this laptop to the server with the code from IT staff</source>
        <translation>Connect this laptop to the server with the code from IT staff</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Send what waits and fetch the coordinator&apos;s decisions</source>
        <translation>Send what waits and fetch the coordinator&apos;s decisions</translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>Not connected to a server</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Sending is set up</source>
        <translation>Sending is set up</translation>
    </message>
    <message>
        <source>Connected to the server</source>
        <translation>Connected to the server</translation>
    </message>
    <message>
        <source>No connection: records wait and go by themselves</source>
        <translation>No connection: records wait and go by themselves</translation>
    </message>
    <message>
        <source>The server had a problem: trying again at {time}</source>
        <translation>The server had a problem: trying again at {time}</translation>
    </message>
    <message>
        <source>The server had a problem: trying again later</source>
        <translation>The server had a problem: trying again later</translation>
    </message>
    <message>
        <source>This version cannot send: install the new one</source>
        <translation>This version cannot send: install the new one</translation>
    </message>
    <message>
        <source>Access revoked: connect this laptop again</source>
        <translation>Access revoked: connect this laptop again</translation>
    </message>
    <message>
        <source>Nothing waits to be sent</source>
        <translation>Nothing waits to be sent</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting to be sent: {records}, {photos}</source>
        <translation>Waiting to be sent: {records}, {photos}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln need(s) attention</source>
        <translation>
            <numerusform>%Ln needs attention</numerusform>
            <numerusform>%Ln need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <source>Last sync: today {time}</source>
        <translation>Last sync: today {time}</translation>
    </message>
    <message>
        <source>Last sync: {date} {time}</source>
        <translation>Last sync: {date} {time}</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Fetching the coordinator&apos;s decisions</source>
        <translation>Fetching the coordinator&apos;s decisions</translation>
    </message>
    <message>
        <source>Records {done} of {total}</source>
        <translation>Records {done} of {total}</translation>
    </message>
    <message>
        <source>photos {done} of {total}</source>
        <translation>photos {done} of {total}</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} of {total}</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>about %n second left</numerusform>
            <numerusform>about %n seconds left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>about %n minute left</numerusform>
            <numerusform>about %n minutes left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>{name}: {tonnes} t</source>
        <translation>{name}: {tonnes} t</translation>
    </message>
    <message>
        <source>This year: {actions} actions · {participants} participants · {tonnes} t · {hectares} ha · {trees} trees</source>
        <translation>This year: {actions} actions · {participants} participants · {tonnes} t · {hectares} ha · {trees} trees</translation>
    </message>
    <message>
        <source>Okrug totals</source>
        <translation>Okrug totals</translation>
    </message>
    <message>
        <source>This month — {month}</source>
        <translation>This month — {month}</translation>
    </message>
    <message>
        <source>This year — {year}</source>
        <translation>This year — {year}</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>actions</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>tonnes collected</source>
        <translation>tonnes collected</translation>
    </message>
    <message>
        <source>hectares cleaned</source>
        <translation>hectares cleaned</translation>
    </message>
    <message>
        <source>trees planted</source>
        <translation>trees planted</translation>
    </message>
</context>
</TS>
