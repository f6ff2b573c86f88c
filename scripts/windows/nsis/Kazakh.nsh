;Language: Kazakh (1087)
;Translation for the Taza Field installer

!insertmacro LANGFILE "Kazakh" = "Қазақша" "Qazaqsha"

!ifdef MUI_WELCOMEPAGE
  ${LangFileString} MUI_TEXT_WELCOME_INFO_TITLE "$(^NameDA) орнату бағдарламасына қош келдіңіз"
  ${LangFileString} MUI_TEXT_WELCOME_INFO_TEXT "Орнату бағдарламасы сізді $(^NameDA) орнатудың барлық қадамдарынан өткізеді.$\r$\n$\r$\nОрнатуды бастамас бұрын барлық басқа қолданбаларды жабу ұсынылады. Сонда орнату бағдарламасы қажетті жүйелік файлдарды компьютерді қайта іске қоспай-ақ жаңарта алады.$\r$\n$\r$\n$_CLICK"
!endif

!ifdef MUI_UNWELCOMEPAGE
  ${LangFileString} MUI_UNTEXT_WELCOME_INFO_TITLE "$(^NameDA) жою бағдарламасына қош келдіңіз"
  ${LangFileString} MUI_UNTEXT_WELCOME_INFO_TEXT "Бұл бағдарлама сізді $(^NameDA) жоюдың барлық қадамдарынан өткізеді.$\r$\n$\r$\nЖоюды бастамас бұрын $(^NameDA) іске қосылып тұрмағанына көз жеткізіңіз.$\r$\n$\r$\n$_CLICK"
!endif

!ifdef MUI_LICENSEPAGE
  ${LangFileString} MUI_TEXT_LICENSE_TITLE "Лицензиялық келісім"
  ${LangFileString} MUI_TEXT_LICENSE_SUBTITLE "$(^NameDA) орнату алдында лицензия шарттарымен танысып шығыңыз."
  ${LangFileString} MUI_INNERTEXT_LICENSE_BOTTOM "Келісім шарттарын қабылдасаңыз, жалғастыру үшін «Келісемін» түймешігін басыңыз. $(^NameDA) орнату үшін келісімді қабылдауыңыз қажет."
  ${LangFileString} MUI_INNERTEXT_LICENSE_BOTTOM_CHECKBOX "Келісім шарттарын қабылдасаңыз, төмендегі ұяшыққа құсбелгі қойыңыз. $(^NameDA) орнату үшін келісімді қабылдауыңыз қажет. $_CLICK"
  ${LangFileString} MUI_INNERTEXT_LICENSE_BOTTOM_RADIOBUTTONS "Келісім шарттарын қабылдасаңыз, төмендегі бірінші нұсқаны таңдаңыз. $(^NameDA) орнату үшін келісімді қабылдауыңыз қажет. $_CLICK"
!endif

!ifdef MUI_UNLICENSEPAGE
  ${LangFileString} MUI_UNTEXT_LICENSE_TITLE "Лицензиялық келісім"
  ${LangFileString} MUI_UNTEXT_LICENSE_SUBTITLE "$(^NameDA) жою алдында лицензия шарттарымен танысып шығыңыз."
  ${LangFileString} MUI_UNINNERTEXT_LICENSE_BOTTOM "Келісім шарттарын қабылдасаңыз, жалғастыру үшін «Келісемін» түймешігін басыңыз. $(^NameDA) жою үшін келісімді қабылдауыңыз қажет."
  ${LangFileString} MUI_UNINNERTEXT_LICENSE_BOTTOM_CHECKBOX "Келісім шарттарын қабылдасаңыз, төмендегі ұяшыққа құсбелгі қойыңыз. $(^NameDA) жою үшін келісімді қабылдауыңыз қажет. $_CLICK"
  ${LangFileString} MUI_UNINNERTEXT_LICENSE_BOTTOM_RADIOBUTTONS "Келісім шарттарын қабылдасаңыз, төмендегі бірінші нұсқаны таңдаңыз. $(^NameDA) жою үшін келісімді қабылдауыңыз қажет. $_CLICK"
!endif

!ifdef MUI_LICENSEPAGE | MUI_UNLICENSEPAGE
  ${LangFileString} MUI_INNERTEXT_LICENSE_TOP "Келісімнің қалған бөлігін көру үшін Page Down пернесін басыңыз."
!endif

!ifdef MUI_COMPONENTSPAGE
  ${LangFileString} MUI_TEXT_COMPONENTS_TITLE "Құрамдастарды таңдау"
  ${LangFileString} MUI_TEXT_COMPONENTS_SUBTITLE "$(^NameDA) бағдарламасының қай мүмкіндіктерін орнатқыңыз келетінін таңдаңыз."
!endif

!ifdef MUI_UNCOMPONENTSPAGE
  ${LangFileString} MUI_UNTEXT_COMPONENTS_TITLE "Құрамдастарды таңдау"
  ${LangFileString} MUI_UNTEXT_COMPONENTS_SUBTITLE "$(^NameDA) бағдарламасының қай мүмкіндіктерін жойғыңыз келетінін таңдаңыз."
!endif

!ifdef MUI_COMPONENTSPAGE | MUI_UNCOMPONENTSPAGE
  ${LangFileString} MUI_INNERTEXT_COMPONENTS_DESCRIPTION_TITLE "Сипаттама"
  !ifndef NSIS_CONFIG_COMPONENTPAGE_ALTERNATIVE
    ${LangFileString} MUI_INNERTEXT_COMPONENTS_DESCRIPTION_INFO "Құрамдастың сипаттамасын көру үшін тінтуір меңзерін оның үстіне апарыңыз."
  !else
    ${LangFileString} MUI_INNERTEXT_COMPONENTS_DESCRIPTION_INFO "Сипаттамасын көру үшін құрамдасты таңдаңыз."
  !endif
!endif

!ifdef MUI_DIRECTORYPAGE
  ${LangFileString} MUI_TEXT_DIRECTORY_TITLE "Орнату орнын таңдау"
  ${LangFileString} MUI_TEXT_DIRECTORY_SUBTITLE "$(^NameDA) орнатылатын қалтаны таңдаңыз."
!endif

!ifdef MUI_UNDIRECTORYPAGE
  ${LangFileString} MUI_UNTEXT_DIRECTORY_TITLE "Жою орнын таңдау"
  ${LangFileString} MUI_UNTEXT_DIRECTORY_SUBTITLE "$(^NameDA) жойылатын қалтаны таңдаңыз."
!endif

!ifdef MUI_INSTFILESPAGE
  ${LangFileString} MUI_TEXT_INSTALLING_TITLE "Орнатылуда"
  ${LangFileString} MUI_TEXT_INSTALLING_SUBTITLE "$(^NameDA) орнатылып жатыр, күте тұрыңыз."
  ${LangFileString} MUI_TEXT_FINISH_TITLE "Орнату аяқталды"
  ${LangFileString} MUI_TEXT_FINISH_SUBTITLE "Орнату сәтті аяқталды."
  ${LangFileString} MUI_TEXT_ABORT_TITLE "Орнату тоқтатылды"
  ${LangFileString} MUI_TEXT_ABORT_SUBTITLE "Орнату сәтті аяқталмады."
!endif

!ifdef MUI_UNINSTFILESPAGE
  ${LangFileString} MUI_UNTEXT_UNINSTALLING_TITLE "Жойылуда"
  ${LangFileString} MUI_UNTEXT_UNINSTALLING_SUBTITLE "$(^NameDA) жойылып жатыр, күте тұрыңыз."
  ${LangFileString} MUI_UNTEXT_FINISH_TITLE "Жою аяқталды"
  ${LangFileString} MUI_UNTEXT_FINISH_SUBTITLE "Жою сәтті аяқталды."
  ${LangFileString} MUI_UNTEXT_ABORT_TITLE "Жою тоқтатылды"
  ${LangFileString} MUI_UNTEXT_ABORT_SUBTITLE "Жою сәтті аяқталмады."
!endif

!ifdef MUI_FINISHPAGE
  ${LangFileString} MUI_TEXT_FINISH_INFO_TITLE "$(^NameDA) орнатылды"
  ${LangFileString} MUI_TEXT_FINISH_INFO_TEXT "$(^NameDA) компьютеріңізге орнатылды.$\r$\n$\r$\nОрнату бағдарламасын жабу үшін «Дайын» түймешігін басыңыз."
  ${LangFileString} MUI_TEXT_FINISH_INFO_REBOOT "$(^NameDA) орнатуды аяқтау үшін компьютерді қайта іске қосу қажет. Қазір қайта іске қосасыз ба?"
!endif

!ifdef MUI_UNFINISHPAGE
  ${LangFileString} MUI_UNTEXT_FINISH_INFO_TITLE "$(^NameDA) жойылды"
  ${LangFileString} MUI_UNTEXT_FINISH_INFO_TEXT "$(^NameDA) компьютеріңізден жойылды.$\r$\n$\r$\nЖою бағдарламасын жабу үшін «Дайын» түймешігін басыңыз."
  ${LangFileString} MUI_UNTEXT_FINISH_INFO_REBOOT "$(^NameDA) жоюды аяқтау үшін компьютерді қайта іске қосу қажет. Қазір қайта іске қосасыз ба?"
!endif

!ifdef MUI_FINISHPAGE | MUI_UNFINISHPAGE
  ${LangFileString} MUI_TEXT_FINISH_REBOOTNOW "Қазір қайта іске қосу"
  ${LangFileString} MUI_TEXT_FINISH_REBOOTLATER "Кейінірек өзім қайта іске қосамын"
  ${LangFileString} MUI_TEXT_FINISH_RUN "$(^NameDA) бағдарламасын &іске қосу"
  ${LangFileString} MUI_TEXT_FINISH_SHOWREADME "&Маңызды ақпарат файлын көрсету"
  ${LangFileString} MUI_BUTTONTEXT_FINISH "&Дайын"  
!endif

!ifdef MUI_STARTMENUPAGE
  ${LangFileString} MUI_TEXT_STARTMENU_TITLE "«Бастау» мәзіріндегі қалтаны таңдау"
  ${LangFileString} MUI_TEXT_STARTMENU_SUBTITLE "$(^NameDA) таңбашалары үшін «Бастау» мәзіріндегі қалтаны таңдаңыз."
  ${LangFileString} MUI_INNERTEXT_STARTMENU_TOP "Бағдарлама таңбашалары жасалатын «Бастау» мәзіріндегі қалтаны таңдаңыз. Жаңа қалта жасау үшін оның атауын енгізуге де болады."
  ${LangFileString} MUI_INNERTEXT_STARTMENU_CHECKBOX "Таңбаша жасамау"
!endif

!ifdef MUI_UNCONFIRMPAGE
  ${LangFileString} MUI_UNTEXT_CONFIRM_TITLE "$(^NameDA) жою"
  ${LangFileString} MUI_UNTEXT_CONFIRM_SUBTITLE "$(^NameDA) бағдарламасын компьютеріңізден жою."
!endif

!ifdef MUI_ABORTWARNING
  ${LangFileString} MUI_TEXT_ABORTWARNING "$(^Name) орнату бағдарламасынан шынымен шыққыңыз келе ме?"
!endif

!ifdef MUI_UNABORTWARNING
  ${LangFileString} MUI_UNTEXT_ABORTWARNING "$(^Name) жою бағдарламасынан шынымен шыққыңыз келе ме?"
!endif

!ifdef MULTIUSER_INSTALLMODEPAGE
  ${LangFileString} MULTIUSER_TEXT_INSTALLMODE_TITLE "Пайдаланушыларды таңдау"
  ${LangFileString} MULTIUSER_TEXT_INSTALLMODE_SUBTITLE "$(^NameDA) бағдарламасын қай пайдаланушылар үшін орнату керектігін таңдаңыз."
  ${LangFileString} MULTIUSER_INNERTEXT_INSTALLMODE_TOP "$(^NameDA) бағдарламасын тек өзіңіз үшін немесе осы компьютердің барлық пайдаланушылары үшін орнату керектігін таңдаңыз. $(^ClickNext)"
  ${LangFileString} MULTIUSER_INNERTEXT_INSTALLMODE_ALLUSERS "Осы компьютерді пайдаланатын барлық адам үшін орнату"
  ${LangFileString} MULTIUSER_INNERTEXT_INSTALLMODE_CURRENTUSER "Тек мен үшін орнату"
!endif
