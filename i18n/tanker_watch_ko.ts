<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
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
        <translation>AIS 데이터를 불러오고 지역을 그리면 여기에서 유조선 운항 횟수, 제재 대상 선박, 추정 물량을 확인할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>TankerWatchPlugin</name>
    <message>
        <location filename="../plugin/main.py" line="47" />
        <source>Tanker Watch panel</source>
        <translation>Tanker Watch 패널</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="50" />
        <source>Show or hide the Tanker Watch panel</source>
        <translation>Tanker Watch 패널 표시/숨기기</translation>
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
        <translation>Tanker Watch: AIS 항적, 입항, 운항 및 제재 대상 선박</translation>
    </message>
</context>
</TS>