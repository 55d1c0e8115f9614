<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>TankerWatchDock</name>
    <message>
        <location filename="../plugin/gui/dock.py" line="16" />
        <source>Tanker Watch</source>
        <translation>Tanker Watch</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="20" />
        <source>Load AIS data, draw a region and read tanker trips, sanctioned vessels and estimated volumes here.</source>
        <translation>Загрузите данные АИС, нарисуйте район — и здесь появятся рейсы танкеров, санкционные суда и оценка объёмов.</translation>
    </message>
</context>
<context>
    <name>TankerWatchPlugin</name>
    <message>
        <location filename="../plugin/main.py" line="47" />
        <source>Tanker Watch panel</source>
        <translation>Панель Tanker Watch</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="50" />
        <source>Show or hide the Tanker Watch panel</source>
        <translation>Показать или скрыть панель Tanker Watch</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="54" />
        <source>Tanker Watch</source>
        <translation>Tanker Watch</translation>
    </message>
</context>
<context>
    <name>TankerWatchProvider</name>
    <message>
        <location filename="../plugin/processing/provider.py" line="22" />
        <source>Tanker Watch: AIS tracks, port calls, trips and sanctioned vessels</source>
        <translation>Tanker Watch: треки АИС, заходы в порты, рейсы и санкционные суда</translation>
    </message>
</context>
</TS>