<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>The village of your rural okrug where the action took place</source>
        <translation>The village of your rural okrug where the action took place</translation>
    </message>
    <message>
        <source>The day of the action, typed as dd.mm.yyyy or picked in the calendar</source>
        <translation>The day of the action, typed as dd.mm.yyyy or picked in the calendar</translation>
    </message>
    <message>
        <source>The programme&apos;s campaign the action was part of (subbotnik, World Cleanup Day…)</source>
        <translation>The programme&apos;s campaign the action was part of (subbotnik, World Cleanup Day…)</translation>
    </message>
    <message>
        <source>Where exactly: a street, a park, a river bank</source>
        <translation>Where exactly: a street, a park, a river bank</translation>
    </message>
    <message>
        <source>How many people took part, volunteers included</source>
        <translation>How many people took part, volunteers included</translation>
    </message>
    <message>
        <source>The area cleaned, in hectares (up to 2 decimals)</source>
        <translation>The area cleaned, in hectares (up to 2 decimals)</translation>
    </message>
    <message>
        <source>Trees and seedlings planted; 0 if none</source>
        <translation>Trees and seedlings planted; 0 if none</translation>
    </message>
    <message>
        <source>Latitude in degrees (for example 43.25); filled from a photo&apos;s GPS when it has one</source>
        <translation>Latitude in degrees (for example 43.25); filled from a photo&apos;s GPS when it has one</translation>
    </message>
    <message>
        <source>Longitude in degrees (for example 77.05); filled from a photo&apos;s GPS when it has one</source>
        <translation>Longitude in degrees (for example 77.05); filled from a photo&apos;s GPS when it has one</translation>
    </message>
    <message>
        <source>Who fills in the record: the coordinator sees this name</source>
        <translation>Who fills in the record: the coordinator sees this name</translation>
    </message>
    <message>
        <source>Anything the coordinator should know about this action</source>
        <translation>Anything the coordinator should know about this action</translation>
    </message>
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
        <source>{fraction}: tonnes collected, up to 3 decimals (0.25 t is 250 kg)</source>
        <translation>{fraction}: tonnes collected, up to 3 decimals (0.25 t is 250 kg)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;History…</translation>
    </message>
    <message>
        <source>Every version of this record, as stored on this laptop</source>
        <translation>Every version of this record, as stored on this laptop</translation>
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
        <source>The record cannot be shown: {error}</source>
        <translation>The record cannot be shown: {error}</translation>
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
    <name>BackupDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>Taza Field backs up its data once a day when it starts and keeps the last {keep} daily backups. Choose the one to go back to. Photos are kept apart: restoring leaves them as they are.</source>
        <translation>Taza Field backs up its data once a day when it starts and keeps the last {keep} daily backups. Choose the one to go back to. Photos are kept apart: restoring leaves them as they are.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Made by hand</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Before an update</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>Reading the backups…</translation>
    </message>
    <message>
        <source>There are no backups yet. The first is made a moment after Taza Field starts.</source>
        <translation>There are no backups yet. The first is made a moment after Taza Field starts.</translation>
    </message>
    <message>
        <source>Replace the data on this laptop with the backup of {when} (records: {records})?

Records saved after that moment will no longer be in the list; those already sent stay on the server. A copy of the current data is kept first: it appears in this list as «Before a restore», to go back to.</source>
        <translation>Replace the data on this laptop with the backup of {when} (records: {records})?

Records saved after that moment will no longer be in the list; those already sent stay on the server. A copy of the current data is kept first: it appears in this list as «Before a restore», to go back to.</translation>
    </message>
    <message>
        <source>Replace the data</source>
        <translation>Replace the data</translation>
    </message>
</context>
<context>
    <name>CompletenessView</name>
    <message>
        <source>reported</source>
        <translation>reported</translation>
    </message>
    <message>
        <source>nothing done</source>
        <translation>nothing done</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>under way</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>The year the months are shown for</source>
        <translation>The year the months are shown for</translation>
    </message>
    <message>
        <source>Click a heading to sort: by name, by a month&apos;s state, by the last sync</source>
        <translation>Click a heading to sort: by name, by a month&apos;s state, by the last sync</translation>
    </message>
    <message>
        <source>Green: records sent. Grey: the village reported that nothing was done. Red: nothing from the village yet. White: not expected yet (the month is under way, or it is before the okrug&apos;s first record). Rate: what was reported of what was expected. Click a cell to open its records.</source>
        <translation>Green: records sent. Grey: the village reported that nothing was done. Red: nothing from the village yet. White: not expected yet (the month is under way, or it is before the okrug&apos;s first record). Rate: what was reported of what was expected. Click a cell to open its records.</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Reporting rate</source>
        <translation>Reporting rate</translation>
    </message>
    <message>
        <source>{done} of {expected} expected reported</source>
        <translation>{done} of {expected} expected reported</translation>
    </message>
    <message>
        <source>Rural okrug</source>
        <translation>Rural okrug</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>App version</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Keep this laptop&apos;s version; the server&apos;s is replaced</source>
        <translation>Keep this laptop&apos;s version; the server&apos;s is replaced</translation>
    </message>
    <message>
        <source>Take the server&apos;s version; this laptop&apos;s changes are dropped</source>
        <translation>Take the server&apos;s version; this laptop&apos;s changes are dropped</translation>
    </message>
    <message>
        <source>Keep the values chosen below, field by field</source>
        <translation>Keep the values chosen below, field by field</translation>
    </message>
    <message>
        <source>Decide later: the record waits and is not sent</source>
        <translation>Decide later: the record waits and is not sent</translation>
    </message>
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
    <name>CoordinatorWindow</name>
    <message>
        <source>Fetch the district&apos;s new records and send your decisions (F9)</source>
        <translation>Fetch the district&apos;s new records and send your decisions (F9)</translation>
    </message>
    <message>
        <source>Stop fetching: what has come stays, the rest comes next time</source>
        <translation>Stop fetching: what has come stays, the rest comes next time</translation>
    </message>
    <message>
        <source>{district}: review</source>
        <translation>{district}: review</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Who has reported</source>
        <translation>Who has reported</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Likely duplicates</translation>
    </message>
    <message>
        <source>Month sign-off</source>
        <translation>Month sign-off</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>&amp;District</translation>
    </message>
    <message>
        <source>&amp;Refresh from the server</source>
        <translation>&amp;Refresh from the server</translation>
    </message>
    <message>
        <source>&amp;Import a village&apos;s USB file…</source>
        <translation>&amp;Import a village&apos;s USB file…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>District report as &amp;Excel (XLSX)…</source>
        <translation>District report as &amp;Excel (XLSX)…</translation>
    </message>
    <message>
        <source>All records as &amp;CSV…</source>
        <translation>All records as &amp;CSV…</translation>
    </message>
    <message>
        <source>District report as &amp;PDF…</source>
        <translation>District report as &amp;PDF…</translation>
    </message>
    <message>
        <source>Photos by okrug as &amp;ZIP…</source>
        <translation>Photos by okrug as &amp;ZIP…</translation>
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
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Save &amp;diagnostics…</translation>
    </message>
    <message>
        <source>&amp;About Taza Field</source>
        <translation>&amp;About Taza Field</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Refreshing is under way and may be sending the decision. Wait until it ends, then undo.</source>
        <translation>Refreshing is under way and may be sending the decision. Wait until it ends, then undo.</translation>
    </message>
    <message>
        <source>&amp;Undo the last decision</source>
        <translation>&amp;Undo the last decision</translation>
    </message>
    <message>
        <source>District copy up to date</source>
        <translation>District copy up to date</translation>
    </message>
    <message>
        <source>Working from the district copy</source>
        <translation>Working from the district copy</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Refreshing…</translation>
    </message>
    <message>
        <source>No connection: working from the district copy</source>
        <translation>No connection: working from the district copy</translation>
    </message>
    <message>
        <source>The server had a problem: trying again later</source>
        <translation>The server had a problem: trying again later</translation>
    </message>
    <message>
        <source>Your session has ended: log in again</source>
        <translation>Your session has ended: log in again</translation>
    </message>
    <message>
        <source>The laptop&apos;s disk is full: press Refresh once there is space</source>
        <translation>The laptop&apos;s disk is full: press Refresh once there is space</translation>
    </message>
    <message>
        <source>A problem on this laptop stopped the refresh: press Refresh to try again</source>
        <translation>A problem on this laptop stopped the refresh: press Refresh to try again</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Log in…</translation>
    </message>
    <message>
        <source>Could not count the decisions that wait: {reason}</source>
        <translation>Could not count the decisions that wait: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) wait to be sent</source>
        <translation>
            <numerusform>%n decision waits to be sent</numerusform>
            <numerusform>%n decisions wait to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>All decisions sent</source>
        <translation>All decisions sent</translation>
    </message>
    <message>
        <source>Sending decisions {done} of {total}</source>
        <translation>Sending decisions {done} of {total}</translation>
    </message>
    <message>
        <source>Records received: {done}</source>
        <translation>Records received: {done}</translation>
    </message>
    <message>
        <source>Photos {done} of {total}</source>
        <translation>Photos {done} of {total}</translation>
    </message>
    <message>
        <source>A village&apos;s USB file</source>
        <translation>A village&apos;s USB file</translation>
    </message>
    <message>
        <source>Taza Field USB files (*.tazabundle)</source>
        <translation>Taza Field USB files (*.tazabundle)</translation>
    </message>
    <message>
        <source>USB file imported</source>
        <translation>USB file imported</translation>
    </message>
    <message>
        <source>{okrug}: new records — {new}, already on the server — {known}, refused — {refused}; photos stored — {photos}.</source>
        <translation>{okrug}: new records — {new}, already on the server — {known}, refused — {refused}; photos stored — {photos}.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>ZIP archives (*.zip)</translation>
    </message>
    <message>
        <source>Export: {period}</source>
        <translation>Export: {period}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
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
            <numerusform>(%n error so far)</numerusform>
            <numerusform>(%n errors so far)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Whole year</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>Only records I have accepted</source>
        <translation>Only records I have accepted</translation>
    </message>
    <message>
        <source>By rural okrug</source>
        <translation>By rural okrug</translation>
    </message>
    <message>
        <source>By campaign</source>
        <translation>By campaign</translation>
    </message>
    <message>
        <source>Click a row to open its records in the review</source>
        <translation>Click a row to open its records in the review</translation>
    </message>
    <message>
        <source>Nothing recorded in this period.</source>
        <translation>Nothing recorded in this period.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message numerus="yes">
        <source>%n clean-up action(s)</source>
        <translation>
            <numerusform>%n clean-up action</numerusform>
            <numerusform>%n clean-up actions</numerusform>
        </translation>
    </message>
    <message>
        <source>{tonnes} of waste collected, {hectares} cleaned, {people}</source>
        <translation>{tonnes} of waste collected, {hectares} cleaned, {people}</translation>
    </message>
    <message>
        <source>The year the totals are for</source>
        <translation>The year the totals are for</translation>
    </message>
    <message>
        <source>One month of the year, or the whole year</source>
        <translation>One month of the year, or the whole year</translation>
    </message>
    <message>
        <source>Count only the records you have accepted, not those waiting for review</source>
        <translation>Count only the records you have accepted, not those waiting for review</translation>
    </message>
    <message>
        <source>{trees} planted</source>
        <translation>{trees} planted</translation>
    </message>
    <message>
        <source>Waste collected by month, t</source>
        <translation>Waste collected by month, t</translation>
    </message>
    <message>
        <source>Waste by kind, t</source>
        <translation>Waste by kind, t</translation>
    </message>
    <message>
        <source>year {year}</source>
        <translation>year {year}</translation>
    </message>
    <message>
        <source>Rural okrug</source>
        <translation>Rural okrug</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
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
        <source>Trees</source>
        <translation>Trees</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.yyyy</translation>
    </message>
    <message>
        <source>Choose on a calendar (F4)</source>
        <translation>Choose on a calendar (F4)</translation>
    </message>
    <message>
        <source>Type the date as 28.11.2026 or 28112026; Up and Down arrows change it by a day</source>
        <translation>Type the date as 28.11.2026 or 28112026; Up and Down arrows change it by a day</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>yesterday</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateQuestion</name>
    <message>
        <source>Open this record to compare (the form stays as it is)</source>
        <translation>Open this record to compare (the form stays as it is)</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>These records share a settlement, a day, a campaign and a place: perhaps one action was entered twice. Return the one that repeats the other; the village will delete or correct it.</source>
        <translation>These records share a settlement, a day, a campaign and a place: perhaps one action was entered twice. Return the one that repeats the other; the village will delete or correct it.</translation>
    </message>
    <message>
        <source>No likely duplicates in the district.</source>
        <translation>No likely duplicates in the district.</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Not duplicates</translation>
    </message>
    <message>
        <source>These are different actions: stop showing them here, on every laptop of the district</source>
        <translation>These are different actions: stop showing them here, on every laptop of the district</translation>
    </message>
    <message>
        <source>Different actions after all? Say so: the group is no longer shown, and the server keeps who said it and when.</source>
        <translation>Different actions after all? Say so: the group is no longer shown, and the server keeps who said it and when.</translation>
    </message>
    <message numerus="yes">
        <source>{date} · {place} · {campaign}: %n record(s)</source>
        <translation>
            <numerusform>{date} · {place} · {campaign}: %n record</numerusform>
            <numerusform>{date} · {place} · {campaign}: %n records</numerusform>
        </translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Waste, t</source>
        <translation>Waste, t</translation>
    </message>
    <message>
        <source>Area, ha</source>
        <translation>Area, ha</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>Trees</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Record {n}</source>
        <translation>Record {n}</translation>
    </message>
    <message>
        <source>Return as a duplicate</source>
        <translation>Return as a duplicate</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>cannot be shown</source>
        <translation>cannot be shown</translation>
    </message>
    <message>
        <source>This looks like the same action as record {others}. Delete this one if it repeats it, or correct it and send it again.</source>
        <translation>This looks like the same action as record {others}. Delete this one if it repeats it, or correct it and send it again.</translation>
    </message>
    <message numerus="yes">
        <source>Are these %n records different actions? The group is no longer shown as likely duplicates, here and on the other laptops of the district.</source>
        <translation>
            <numerusform>Is this %n record a different action? The group is no longer shown as likely duplicates, here and on the other laptops of the district.</numerusform>
            <numerusform>Are these %n records different actions? The group is no longer shown as likely duplicates, here and on the other laptops of the district.</numerusform>
        </translation>
    </message>
    <message>
        <source>Different actions</source>
        <translation>Different actions</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Open the connection file IT staff gave you (it holds the address and the code)</source>
        <translation>Open the connection file IT staff gave you (it holds the address and the code)</translation>
    </message>
    <message>
        <source>The server&apos;s address, from IT staff (https://…)</source>
        <translation>The server&apos;s address, from IT staff (https://…)</translation>
    </message>
    <message>
        <source>The one-time enrolment code from IT staff, for your rural okrug</source>
        <translation>The one-time enrolment code from IT staff, for your rural okrug</translation>
    </message>
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
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>The period chosen on the Dashboard tab: change it there for another one.</source>
        <translation>The period chosen on the Dashboard tab: change it there for another one.</translation>
    </message>
    <message>
        <source>&amp;Language of the file:</source>
        <translation>&amp;Language of the file:</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>Choose where to save…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The year {year}</source>
        <translation>The year {year}</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>The data file cannot be written</source>
        <translation>The data file cannot be written</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Something went wrong in Taza Field</source>
        <translation>Something went wrong in Taza Field</translation>
    </message>
    <message>
        <source>Your saved records are safe. What happened is written in the log file: save the diagnostics and send the file to IT staff. If the window behaves oddly now, close it and open Taza Field again.</source>
        <translation>Your saved records are safe. What happened is written in the log file: save the diagnostics and send the file to IT staff. If the window behaves oddly now, close it and open Taza Field again.</translation>
    </message>
    <message>
        <source>Save diagnostics…</source>
        <translation>Save diagnostics…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Could not load: {reason}</source>
        <translation>Could not load: {reason}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Finds the settlement, place, notes, reporter or comment; Kazakh letters may be typed as Russian ones (к for қ)</source>
        <translation>Finds the settlement, place, notes, reporter or comment; Kazakh letters may be typed as Russian ones (к for қ)</translation>
    </message>
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
    <name>HelpMenu</name>
    <message>
        <source>Save diagnostics</source>
        <translation>Save diagnostics</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>ZIP archives (*.zip)</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path}</source>
        <translation>Diagnostics saved to {path}</translation>
    </message>
    <message>
        <source>The diagnostics are saved in {path}.

The file holds no passwords or tokens: it can be sent to IT staff.</source>
        <translation>The diagnostics are saved in {path}.

The file holds no passwords or tokens: it can be sent to IT staff.</translation>
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
        <source>Support: {contact}</source>
        <translation>Support: {contact}</translation>
    </message>
    <message>
        <source>No support contact has been set on the server yet: ask your district&apos;s IT staff.</source>
        <translation>No support contact has been set on the server yet: ask your district&apos;s IT staff.</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of the record</source>
        <translation>History of the record</translation>
    </message>
    <message numerus="yes">
        <source>Record {id}: %n step(s)</source>
        <translation>
            <numerusform>Record {id}: %n step</numerusform>
            <numerusform>Record {id}: %n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>Every version the record has had is kept on this laptop; the newest is last.</source>
        <translation>Every version the record has had is kept on this laptop; the newest is last.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>on this laptop</source>
        <translation>on this laptop</translation>
    </message>
    <message>
        <source>on the server</source>
        <translation>on the server</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>The server&apos;s address, from IT staff (https://…)</source>
        <translation>The server&apos;s address, from IT staff (https://…)</translation>
    </message>
    <message>
        <source>The user name IT staff made for you</source>
        <translation>The user name IT staff made for you</translation>
    </message>
    <message>
        <source>Log in as a district coordinator</source>
        <translation>Log in as a district coordinator</translation>
    </message>
    <message>
        <source>Coordinators review the records of their district, see who has not reported and export the district&apos;s report. IT staff give you the server&apos;s address and your user name.</source>
        <translation>Coordinators review the records of their district, see who has not reported and export the district&apos;s report. IT staff give you the server&apos;s address and your user name.</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;Server address</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>Fill in the server&apos;s address, your user name and your password.</source>
        <translation>Fill in the server&apos;s address, your user name and your password.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>Restore from a &amp;backup…</source>
        <translation>Restore from a &amp;backup…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
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
        <source>User &amp;guide</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Save &amp;diagnostics…</translation>
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
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>A month with &amp;nothing done…</source>
        <translation>A month with &amp;nothing done…</translation>
    </message>
    <message>
        <source>The &amp;month&apos;s report (PDF)…</source>
        <translation>The &amp;month&apos;s report (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Receipt for the selected record (PDF)…</source>
        <translation>&amp;Receipt for the selected record (PDF)…</translation>
    </message>
    <message>
        <source>Could not count the records: {reason}</source>
        <translation>Could not count the records: {reason}</translation>
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
        <source>Delete the record «{record}»?</source>
        <translation>Delete the record «{record}»?</translation>
    </message>
    <message>
        <source>Its history is kept, and the coordinator is told. Until it is sent, Edit → Undo (Ctrl+Z) brings it back.</source>
        <translation>Its history is kept, and the coordinator is told. Until it is sent, Edit → Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Deleted «{record}». Edit → Undo (Ctrl+Z) brings it back until it is sent.</source>
        <translation>Deleted «{record}». Edit → Undo (Ctrl+Z) brings it back until it is sent.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Sending is under way. Wait until it ends (or stop it), then undo.</source>
        <translation>Sending is under way. Wait until it ends (or stop it), then undo.</translation>
    </message>
    <message>
        <source>«{record}» is back.</source>
        <translation>«{record}» is back.</translation>
    </message>
    <message>
        <source>«{record}» cannot be brought back: {reason}</source>
        <translation>«{record}» cannot be brought back: {reason}</translation>
    </message>
    <message>
        <source>&amp;Undo deleting «{record}»</source>
        <translation>&amp;Undo deleting «{record}»</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>List only the records the coordinator returned, to correct them</source>
        <translation>List only the records the coordinator returned, to correct them</translation>
    </message>
    <message>
        <source>List only the records the server refused or found edited in two places</source>
        <translation>List only the records the server refused or found edited in two places</translation>
    </message>
    <message>
        <source>Click a column heading to sort by it, again for the other way</source>
        <translation>Click a column heading to sort by it, again for the other way</translation>
    </message>
    <message>
        <source>Unfinished photo files could not be removed: {reason}</source>
        <translation>Unfinished photo files could not be removed: {reason}</translation>
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
        <source>Today&apos;s backup could not be made: {reason}</source>
        <translation>Today&apos;s backup could not be made: {reason}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>Sending is under way. Wait until it ends (or stop it), then restore.</source>
        <translation>Sending is under way. Wait until it ends (or stop it), then restore.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <source>The backup&apos;s data are back. Records on this laptop now: {records}.

The data as they were just before are kept too: choose «Before a restore» in the same list to go back to them.</source>
        <translation>The backup&apos;s data are back. Records on this laptop now: {records}.

The data as they were just before are kept too: choose «Before a restore» in the same list to go back to them.</translation>
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
        <source>Written to {path}: {records} and {photos}. Take the file to the district coordinator; the records stay here until the server confirms them.</source>
        <translation>Written to {path}: {records} and {photos}. Take the file to the district coordinator; the records stay here until the server confirms them.</translation>
    </message>
    <message>
        <source>Reported: nothing done {month}. It goes with the next sync.</source>
        <translation>Reported: nothing done {month}. It goes with the next sync.</translation>
    </message>
    <message>
        <source>The month&apos;s report</source>
        <translation>The month&apos;s report</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Choose a record the district has accepted: receipts are for accepted records.</source>
        <translation>Choose a record the district has accepted: receipts are for accepted records.</translation>
    </message>
</context>
<context>
    <name>MonthChoiceDialog</name>
    <message>
        <source>The month&apos;s report</source>
        <translation>The month&apos;s report</translation>
    </message>
    <message>
        <source>Which month?</source>
        <translation>Which month?</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NilReportDialog</name>
    <message>
        <source>A month with nothing done</source>
        <translation>A month with nothing done</translation>
    </message>
    <message>
        <source>If no clean-up was held in a month, say so here: the district then sees «nothing done» for that month instead of «missing». If you log an action for the month later, this report is withdrawn by itself.</source>
        <translation>If no clean-up was held in a month, say so here: the district then sees «nothing done» for that month instead of «missing». If you log an action for the month later, this report is withdrawn by itself.</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <source>&amp;Reason (optional)</source>
        <translation>&amp;Reason (optional)</translation>
    </message>
    <message>
        <source>For example: deep snow, the roads were closed</source>
        <translation>For example: deep snow, the roads were closed</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Already reported as nothing done: {months}.</source>
        <translation>Already reported as nothing done: {months}.</translation>
    </message>
    <message>
        <source>Every recent month has records or a report already.</source>
        <translation>Every recent month has records or a report already.</translation>
    </message>
</context>
<context>
    <name>OkrugDialog</name>
    <message>
        <source>Type a part of the rural okrug&apos;s or the district&apos;s name, in Kazakh or Russian</source>
        <translation>Type a part of the rural okrug&apos;s or the district&apos;s name, in Kazakh or Russian</translation>
    </message>
    <message>
        <source>For district coordinators: log in to review the district&apos;s records instead</source>
        <translation>For district coordinators: log in to review the district&apos;s records instead</translation>
    </message>
    <message>
        <source>Your rural okrug</source>
        <translation>Your rural okrug</translation>
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
        <source>I am a district coordinator</source>
        <translation>I am a district coordinator</translation>
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
    <message>
        <source>GPS {position}</source>
        <translation>GPS {position}</translation>
    </message>
    <message>
        <source>the camera&apos;s time and place are not known here</source>
        <translation>the camera&apos;s time and place are not known here</translation>
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
        <source>This settlement already has a record of this campaign on this day at this place. Is this a different clean-up?</source>
        <translation>This settlement already has a record of this campaign on this day at this place. Is this a different clean-up?</translation>
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
    <name>RecordView</name>
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
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Area, ha</source>
        <translation>Area, ha</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>Trees</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Record {id}</source>
        <translation>Record {id}</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen the month</source>
        <translation>Reopen the month</translation>
    </message>
    <message>
        <source>Why is {what} reopened? The reason is kept and shown at every level.</source>
        <translation>Why is {what} reopened? The reason is kept and shown at every level.</translation>
    </message>
    <message>
        <source>For example: Қайнар sent a subbotnik of 28 March late</source>
        <translation>For example: Қайнар sent a subbotnik of 28 March late</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return to the village</source>
        <translation>Return to the village</translation>
    </message>
    <message numerus="yes">
        <source>What should the village correct? It sees this comment with the %n record(s).</source>
        <translation>
            <numerusform>What should the village correct? It sees this comment with the %n record.</numerusform>
            <numerusform>What should the village correct? It sees this comment with the %n records.</numerusform>
        </translation>
    </message>
    <message>
        <source>For example: the photos before and after the clean-up are missing.</source>
        <translation>For example: the photos before and after the clean-up are missing.</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReviewTable</name>
    <message>
        <source>Rural okrug</source>
        <translation>Rural okrug</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Only the records of one rural okrug</source>
        <translation>Only the records of one rural okrug</translation>
    </message>
    <message>
        <source>Only the records of one settlement of the rural okrug</source>
        <translation>Only the records of one settlement of the rural okrug</translation>
    </message>
    <message>
        <source>Only the records of one campaign</source>
        <translation>Only the records of one campaign</translation>
    </message>
    <message>
        <source>Only the records of one month</source>
        <translation>Only the records of one month</translation>
    </message>
    <message>
        <source>Records waiting for your decision, or those already accepted or returned</source>
        <translation>Records waiting for your decision, or those already accepted or returned</translation>
    </message>
    <message>
        <source>Finds the settlement, place, notes, reporter or comment</source>
        <translation>Finds the settlement, place, notes, reporter or comment</translation>
    </message>
    <message>
        <source>Click a column heading to sort by it, again for the other way</source>
        <translation>Click a column heading to sort by it, again for the other way</translation>
    </message>
    <message>
        <source>All okrugs</source>
        <translation>All okrugs</translation>
    </message>
    <message>
        <source>All settlements</source>
        <translation>All settlements</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>All campaigns</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>All months</translation>
    </message>
    <message>
        <source>Whole year {year}</source>
        <translation>Whole year {year}</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Waiting for review</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Search: settlement, place, notes, reporter</source>
        <translation>Search: settlement, place, notes, reporter</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a record in the list.</source>
        <translation>Choose a record in the list.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Return…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) selected</source>
        <translation>
            <numerusform>%n record selected</numerusform>
            <numerusform>%n records selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them wait(s) for review</source>
        <translation>
            <numerusform>%n of them waits for review</numerusform>
            <numerusform>%n of them wait for review</numerusform>
        </translation>
    </message>
    <message>
        <source>Together: {people}, {tonnes}</source>
        <translation>Together: {people}, {tonnes}</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n</source>
        <translation>
            <numerusform>Accept %n</numerusform>
            <numerusform>Accept %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return %n…</source>
        <translation>
            <numerusform>Return %n…</numerusform>
            <numerusform>Return %n…</numerusform>
        </translation>
    </message>
    <message>
        <source>{action} · {key}</source>
        <translation>{action} · {key}</translation>
    </message>
    <message>
        <source>Accept the selected records. {key} in the list does the same.</source>
        <translation>Accept the selected records. {key} in the list does the same.</translation>
    </message>
    <message>
        <source>Return the selected records to the village with a comment ({key}).</source>
        <translation>Return the selected records to the village with a comment ({key}).</translation>
    </message>
    <message>
        <source>Participants: {n}</source>
        <translation>Participants: {n}</translation>
    </message>
    <message>
        <source>Area cleaned: {ha} ha</source>
        <translation>Area cleaned: {ha} ha</translation>
    </message>
    <message>
        <source>Trees planted: {n}</source>
        <translation>Trees planted: {n}</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Place: {place}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Notes: {notes}</translation>
    </message>
    <message>
        <source>Returned: {comment}</source>
        <translation>Returned: {comment}</translation>
    </message>
    <message>
        <source>Accepted.</source>
        <translation>Accepted.</translation>
    </message>
    <message>
        <source>{role} · double-click or Enter opens it large</source>
        <translation>{role} · double-click or Enter opens it large</translation>
    </message>
    <message>
        <source>Record {id} · {date} · {place} — {campaign}</source>
        <translation>Record {id} · {date} · {place} — {campaign}</translation>
    </message>
    <message>
        <source>GPS of the action {position}</source>
        <translation>GPS of the action {position}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>cannot be shown</source>
        <translation>cannot be shown</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
</context>
<context>
    <name>SignoffView</name>
    <message>
        <source>Something went wrong on this laptop; the log has the details.</source>
        <translation>Something went wrong on this laptop; the log has the details.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>The chain: district → region → ministry</source>
        <translation>The chain: district → region → ministry</translation>
    </message>
    <message>
        <source>Sign-offs and reopenings</source>
        <translation>Sign-offs and reopenings</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Sign off {month}</source>
        <translation>Sign off {month}</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>As of {moment}</source>
        <translation>As of {moment}</translation>
    </message>
    <message>
        <source>Not read from the server yet</source>
        <translation>Not read from the server yet</translation>
    </message>
    <message>
        <source>The chain of this month has not been read yet.</source>
        <translation>The chain of this month has not been read yet.</translation>
    </message>
    <message>
        <source>Nothing has been signed off or reopened for this month yet.</source>
        <translation>Nothing has been signed off or reopened for this month yet.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Could not read what waits to be sent: {reason}</source>
        <translation>Could not read what waits to be sent: {reason}</translation>
    </message>
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
        <source>The connection broke off: trying again at {time}</source>
        <translation>The connection broke off: trying again at {time}</translation>
    </message>
    <message>
        <source>The connection broke off: trying again later</source>
        <translation>The connection broke off: trying again later</translation>
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
        <source>The laptop&apos;s disk is full: sending stopped until you press Send now</source>
        <translation>The laptop&apos;s disk is full: sending stopped until you press Send now</translation>
    </message>
    <message>
        <source>A problem on this laptop stopped sending: press Send now to try again</source>
        <translation>A problem on this laptop stopped sending: press Send now to try again</translation>
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
        <source>No connection: trying again now…</source>
        <translation>No connection: trying again now…</translation>
    </message>
    <message>
        <source>No connection: next try at {time}</source>
        <translation>No connection: next try at {time}</translation>
    </message>
    <message>
        <source>No connection: press Send now to try again</source>
        <translation>No connection: press Send now to try again</translation>
    </message>
    <message>
        <source>Tried at {time}: the server could not be reached.</source>
        <translation>Tried at {time}: the server could not be reached.</translation>
    </message>
    <message>
        <source>The records wait on this laptop and go by themselves once it answers.</source>
        <translation>The records wait on this laptop and go by themselves once it answers.</translation>
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
        <source>Waiting to be sent: {what}</source>
        <translation>Waiting to be sent: {what}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln need(s) attention</source>
        <translation>
            <numerusform>%Ln needs attention</numerusform>
            <numerusform>%Ln need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln wait(s) for a closed month to reopen</source>
        <translation>
            <numerusform>%Ln waits for its month to reopen</numerusform>
            <numerusform>%Ln wait for their month to reopen</numerusform>
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
        <source>photos {done} of {total} ({bytes_done} of {bytes_total})</source>
        <translation>photos {done} of {total} ({bytes_done} of {bytes_total})</translation>
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
        <source>Other fractions</source>
        <translation>Other fractions</translation>
    </message>
    <message>
        <source>t collected</source>
        <translation>t collected</translation>
    </message>
    <message>
        <source>ha cleaned</source>
        <translation>ha cleaned</translation>
    </message>
    <message>
        <source>This year: {actions} · {participants} · {tonnes} t · {hectares} ha · {trees}</source>
        <translation>This year: {actions} · {participants} · {tonnes} t · {hectares} ha · {trees}</translation>
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
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Download page</source>
        <translation>Download page</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Do not show this again for this version</source>
        <translation>Do not show this again for this version</translation>
    </message>
    <message>
        <source>A newer version of Taza Field ({version}) is available. Ask IT staff to install it, or download it from the download page.</source>
        <translation>A newer version of Taza Field ({version}) is available. Ask IT staff to install it, or download it from the download page.</translation>
    </message>
    <message>
        <source>A newer version of Taza Field ({version}) is available. Ask IT staff to install it.</source>
        <translation>A newer version of Taza Field ({version}) is available. Ask IT staff to install it.</translation>
    </message>
    <message>
        <source>What is new: {notes}</source>
        <translation>What is new: {notes}</translation>
    </message>
    <message>
        <source>This laptop has version {current}.</source>
        <translation>This laptop has version {current}.</translation>
    </message>
</context>
</TS>
