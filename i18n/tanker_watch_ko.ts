<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>CumulativeChart</name>
    <message>
        <location filename="../plugin/chart.py" line="73" />
        <source>Estimated barrels delivered, cumulative per calendar year, vs the UN cap</source>
        <translation>역년별 누적 추정 인도량(배럴)과 유엔 상한</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="95" />
        <source>No counted trips: nothing to chart</source>
        <translation>집계된 운항 없음: 표시할 내용이 없습니다</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="172" />
        <source>UN cap {year}: {cap} bbl</source>
        <translation>{year}년 유엔 상한: {cap} 배럴</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="177" />
        <source>{year}: {central} bbl ({low} to {high})</source>
        <translation>{year}년: {central} 배럴 ({low}~{high})</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="190" />
        <source>low-high range</source>
        <translation>최저-최고 범위</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="190" />
        <source>central estimate</source>
        <translation>중간 추정치</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="190" />
        <source>UN cap (resolution 2397)</source>
        <translation>유엔 상한 (결의 2397호)</translation>
    </message>
</context>
<context>
    <name>DetectPortCallsAlgorithm</name>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="204" />
        <source>Finds port calls: AIS stops (at least 2 h below 1 knot within 2 km) at the nearest port or terminal (else 'anchorage'), and dark calls: visits that fit inside an AIS gap (reachable at 12 knots from where the AIS went off, 2 h at the port, and back to where it came on). Each call has its evidence (ais_stop, sighting, dark_gap) and a level: confirmed (AIS stop or satellite sighting), inferred (dark gap with a draught change of at least 0.5 m), possible (feasible dark gap, nothing else; listed but never counted).</source>
        <translation>입항을 찾습니다: AIS 정박(2 km 이내에서 1노트 미만으로 2시간 이상)은 가장 가까운 항만이나 터미널에(없으면 'anchorage'), 암흑 입항은 AIS 공백 안에 들어맞는 방문(AIS가 꺼진 곳에서 12노트로 도달 가능, 항만에서 2시간, 다시 켜진 곳으로 복귀)으로 기록합니다. 각 입항에는 근거(ais_stop, sighting, dark_gap)와 등급이 있습니다: confirmed(확인: AIS 정박 또는 위성 관측), inferred(추정: 흘수 변화가 0.5 m 이상인 암흑 공백), possible(가능: 시간상 가능한 암흑 공백일 뿐 다른 근거 없음; 목록에는 나오지만 집계하지 않음).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="216" />
        <source>Port calls</source>
        <translation>입항</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="201" />
        <source>Detect port calls (AIS and dark)</source>
        <translation>입항 탐지 (AIS 및 신호 차단)</translation>
    </message>
</context>
<context>
    <name>ExportReportAlgorithm</name>
    <message>
        <location filename="../plugin/processing/export_report.py" line="26" />
        <source>Runs the trips analysis on the region (like 'Trips into a region') and writes a two-page A4 report: page 1 the map (tracks, ports, region, sanctioned vessels) with the headline figures, their ranges and the assumptions; page 2 the vessels table and the cumulative barrels against the UN cap. The PNG is page 1. Volumes are ESTIMATES. The layout is built in a private project, so your project is not changed.</source>
        <translation>지역에 대해 운항 분석('Trips into a region'과 같음)을 실행하고 A4 두 쪽짜리 보고서를 작성합니다: 1쪽은 지도(항적, 항만, 지역, 제재 대상 선박)와 주요 수치, 그 범위 및 가정; 2쪽은 선박 표와 UN 상한 대비 누적 배럴. PNG는 1쪽입니다. 물량은 추정치입니다. 레이아웃은 별도의 프로젝트에서 만들어지므로 사용자의 프로젝트는 바뀌지 않습니다.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="36" />
        <source>Report title</source>
        <translation>보고서 제목</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="36" />
        <source>Tanker trips into the region</source>
        <translation>지역으로 들어온 유조선 운항</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="38" />
        <source>Notice printed on every page (e.g. 'Simulated demo data based on public reporting')</source>
        <translation>모든 쪽에 인쇄할 안내문(예: 'Simulated demo data based on public reporting')</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="41" />
        <source>Report (PDF)</source>
        <translation>보고서(PDF)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="41" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="43" />
        <source>Map (PNG, page 1)</source>
        <translation>지도(PNG, 1쪽)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="43" />
        <source>PNG files (*.png)</source>
        <translation>PNG 파일 (*.png)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="23" />
        <source>Export the trips report (PDF and PNG map)</source>
        <translation>운항 보고서 내보내기 (PDF 및 PNG 지도)</translation>
    </message>
</context>
<context>
    <name>ImportAisAlgorithm</name>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="55" />
        <source>Reads AIS positions from US MarineCadastre or Danish Maritime Authority CSV, any other CSV (columns guessed from their names, or given as a mapping), raw NMEA 0183 logs (tag blocks, $PGHP and USCG timestamps), gzip/zip variants, or a point layer. Cleans them (not-available codes, invalid MMSIs, duplicates, impossible jumps) and writes the clean points. Every cleaning rule is counted in the report; rows that could not be read are listed with their line number and field.</source>
        <translation>미국 MarineCadastre 또는 덴마크 해사청 CSV, 그 밖의 CSV(열 이름으로 추정하거나 매핑으로 지정), 원시 NMEA 0183 로그(태그 블록, $PGHP 및 USCG 타임스탬프), gzip/zip 압축본 또는 점 레이어에서 AIS 위치를 읽습니다. 데이터를 정제하고(사용 불가 코드, 잘못된 MMSI, 중복, 불가능한 위치 이동) 정제된 점을 기록합니다. 모든 정제 규칙의 적용 건수가 보고서에 집계되며, 읽지 못한 행은 행 번호와 필드와 함께 나열됩니다.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="66" />
        <source>Clean AIS positions</source>
        <translation>정제된 AIS 위치</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="68" />
        <source>Cleaning report</source>
        <translation>정제 보고서</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="69" />
        <source>Clean positions</source>
        <translation>정제된 위치 수</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="70" />
        <source>Vessels (MMSIs)</source>
        <translation>선박 수(MMSI)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="52" />
        <source>Import and clean AIS positions</source>
        <translation>AIS 위치 가져오기 및 정제</translation>
    </message>
</context>
<context>
    <name>LoadDatasetTask</name>
    <message>
        <location filename="../plugin/gui/tasks.py" line="74" />
        <source>Tanker Watch: loading AIS data</source>
        <translation>Tanker Watch: AIS 데이터 불러오는 중</translation>
    </message>
    <message>
        <location filename="../plugin/gui/tasks.py" line="96" />
        <source>Loading was cancelled.</source>
        <translation>불러오기가 취소되었습니다.</translation>
    </message>
</context>
<context>
    <name>MatchSanctionsAlgorithm</name>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="56" />
        <source>For every vessel of the input (a vessel list CSV with mmsi, imo, name columns, or AIS positions whose vessels are taken), says whether it is listed (UN 1718 as transposed by the EU, US OFAC SDN, EU, UK), on which lists and programmes, why the match was made (IMO, MMSI, name, former name, fuzzy name) and with what score. One-digit-off IMO numbers and identity conflicts are flagged as warnings. Works offline from the bundled snapshot (its date is reported); run 'Update sanctions lists' to refresh it. Note: the UN's own consolidated XML has no vessel records.</source>
        <translation>입력의 모든 선박(mmsi, imo, name 열이 있는 선박 목록 CSV 또는 AIS 위치에서 추출한 선박)에 대해 제재 목록 등재 여부(EU가 이행한 UN 1718, 미국 OFAC SDN, EU, 영국), 해당 목록과 프로그램, 일치 근거(IMO, MMSI, 선명, 이전 선명, 유사 선명)와 점수를 알려줍니다. 한 자리만 다른 IMO 번호와 식별 정보 충돌은 경고로 표시됩니다. 내장 스냅샷(날짜가 보고됨)으로 오프라인에서 작동하며, 'Update sanctions lists'를 실행하면 갱신됩니다. 참고: UN 자체 통합 XML에는 선박 기록이 없습니다.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="67" />
        <source>Vessels (vessel list CSV, AIS file or layer)</source>
        <translation>선박(선박 목록 CSV, AIS 파일 또는 레이어)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="70" />
        <source>Fuzzy name match threshold (0-100)</source>
        <translation>유사 선명 일치 임계값(0-100)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="73" />
        <source>Sanctions matches</source>
        <translation>제재 목록 일치 결과</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="75" />
        <source>Listed vessels</source>
        <translation>제재 대상 선박</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="76" />
        <source>Sanctions data used</source>
        <translation>사용한 제재 데이터</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="52" />
        <source>Match vessels against sanctions lists</source>
        <translation>선박을 제재 목록과 대조</translation>
    </message>
</context>
<context>
    <name>ReconstructTracksAlgorithm</name>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="25" />
        <source>Reads and cleans AIS positions, then splits each vessel's positions into track segments wherever the AIS is silent for longer than the segment gap, and reports every silence at least as long as the dark-gap threshold as a dark period: start and end time and position, duration, straight-line distance, implied speed, draught before and after, and the nearest World Port Index port to each end. Track lines carry the vessel's identity and start/end times for the Temporal Controller; dark gaps are separate connector lines flagged dark=true.</source>
        <translation>AIS 위치를 읽고 정제한 다음, AIS 신호가 구간 간격보다 오래 끊긴 곳마다 각 선박의 위치를 항적 구간으로 나누고, 암흑 간격 임계값 이상인 모든 공백을 암흑 기간으로 보고합니다: 시작과 끝의 시각과 위치, 지속 시간, 직선 거리, 환산 속력, 전후 흘수, 양 끝에서 가장 가까운 World Port Index 항만. 항적선에는 선박 식별 정보와 시간 컨트롤러용 시작/종료 시각이 있으며, 암흑 공백은 dark=true로 표시된 별도의 연결선입니다.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="37" />
        <source>Split tracks at gaps longer than (hours)</source>
        <translation>이보다 긴 공백에서 항적 분할(시간)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="40" />
        <source>Dark period: gaps at least (hours)</source>
        <translation>암흑 기간: 최소 공백 길이(시간)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="43" />
        <source>Tracks</source>
        <translation>항적</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="48" />
        <source>Dark periods</source>
        <translation>암흑 기간(AIS 꺼짐)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="47" />
        <source>Track segments</source>
        <translation>항적 구간 수</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="22" />
        <source>Reconstruct tracks and dark periods</source>
        <translation>항적 및 신호 차단 구간 재구성</translation>
    </message>
</context>
<context>
    <name>RegionAlgorithm</name>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="154" />
        <source>Region (polygon layer or file)</source>
        <translation>지역(다각형 레이어 또는 파일)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="156" />
        <source>From (ISO date, UTC)</source>
        <translation>시작(ISO 날짜, UTC)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="157" />
        <source>To (ISO date, UTC, inclusive)</source>
        <translation>종료(ISO 날짜, UTC, 포함)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="158" />
        <source>Tankers only</source>
        <translation>유조선만</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="159" />
        <source>Sanctioned vessels only</source>
        <translation>제재 대상 선박만</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="161" />
        <source>Product</source>
        <translation>유종</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="163" />
        <source>Barrels per tonne (product 'custom')</source>
        <translation>톤당 배럴('custom' 유종)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="166" />
        <source>Fill factor (central)</source>
        <translation>적재율(중앙 추정)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="169" />
        <source>Cargo share of deadweight</source>
        <translation>재화중량 대비 화물 비율</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../plugin/report.py" line="140" />
        <source>{trips} trips into the region (confirmed or inferred), {laden} of them leaving laden; {possible} possible trips listed but not counted.</source>
        <translation>지역 내 운항 {trips}회(확인 또는 추정), 그중 {laden}회는 적재 상태로 출항; 가능성 있는 운항 {possible}회는 목록에만 있고 집계되지 않음.</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="143" />
        <source>{vessels} vessels made these trips.</source>
        <translation>이 운항을 한 선박: {vessels}척.</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="144" />
        <source>Estimated volume: about {central} barrels (range {low} to {high}).</source>
        <translation>추정 물량: 약 {central} 배럴 (범위 {low}~{high}).</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="148" />
        <source>{year}: {central:.0%} of the UN annual cap of {cap} barrels (range {low:.0%} to {high:.0%}).</source>
        <translation>{year}년: 유엔 연간 상한 {cap} 배럴의 {central:.0%} (범위 {low:.0%}~{high:.0%}).</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="158" />
        <source>no trips</source>
        <translation>운항 없음</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="163" />
        <source>Trips from {first} to {last}</source>
        <translation>{first}부터 {last}까지의 운항</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="168" />
        <source>Data: vessel positions from the AIS data loaded; ports from the NGA World Port Index (Pub. 150, public domain); sanctions from the US OFAC SDN list (public domain) and the EU Official Journal (vessel annexes of Reg. 2017/1509, which transposes the UN 1718 designations, and Reg. 833/2014) ({label}). Land: Natural Earth (public domain). Made with QGIS and Tanker Watch.</source>
        <translation>데이터: AIS 위치는 불러온 AIS 데이터; 항구는 NGA 세계 항구 색인(Pub. 150, 퍼블릭 도메인); 제재 정보는 미국 OFAC SDN 목록(퍼블릭 도메인) 및 EU 관보(유엔 1718 지정을 이행하는 규정 2017/1509와 규정 833/2014의 선박 부속서) ({label}). 육지: Natural Earth(퍼블릭 도메인). QGIS와 Tanker Watch로 작성.</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="179" />
        <source>Vessel</source>
        <translation>선박</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="179" />
        <source>IMO</source>
        <translation>IMO</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="179" />
        <source>Flag</source>
        <translation>선적국</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="180" />
        <source>DWT (t)</source>
        <translation>재화중량 (톤)</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="180" />
        <source>Trips</source>
        <translation>운항</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="180" />
        <source>Laden</source>
        <translation>적재</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="181" />
        <source>Possible</source>
        <translation>가능</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="181" />
        <source>Barrels low</source>
        <translation>배럴 (최저)</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="182" />
        <source>Barrels central</source>
        <translation>배럴 (중간)</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="182" />
        <source>Barrels high</source>
        <translation>배럴 (최고)</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="183" />
        <source>Sanctions lists</source>
        <translation>제재 목록</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="210" />
        <source>No vessel made a trip into the region</source>
        <translation>지역에 운항한 선박이 없습니다</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="255" />
        <source>{period}. Report made {date}. Volumes are ESTIMATES with ranges.</source>
        <translation>{period}. 보고서 작성: {date}. 물량은 범위가 있는 추정치입니다.</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="312" />
        <source>Headline figures</source>
        <translation>주요 수치</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="316" />
        <source>Assumptions (estimates, not facts)</source>
        <translation>가정 (사실이 아닌 추정)</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="324" />
        <source>Legend</source>
        <translation>범례</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="353" />
        <source>Vessels with trips into the region</source>
        <translation>지역에 운항한 선박</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="356" />
        <source>Barrels are estimates (see the assumptions on page 1). * DWT unknown: {dwt:,.0f} t assumed.</source>
        <translation>배럴은 추정치입니다(1쪽의 가정 참조). * 재화중량 미상: {dwt:,.0f}톤으로 가정.</translation>
    </message>
</context>
<context>
    <name>ResultsModels</name>
    <message>
        <location filename="../plugin/gui/results_models.py" line="34" />
        <source>Vessel</source>
        <translation>선박</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="41" />
        <source>IMO</source>
        <translation>IMO</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="23" />
        <source>Flag</source>
        <translation>선적국</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="23" />
        <source>Trips</source>
        <translation>운항</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="24" />
        <source>Possible</source>
        <translation>가능</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="25" />
        <source>Laden</source>
        <translation>적재</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="38" />
        <source>Barrels</source>
        <translation>배럴</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="27" />
        <source>Low</source>
        <translation>하한</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="28" />
        <source>High</source>
        <translation>상한</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="28" />
        <source>DWT</source>
        <translation>재화중량(DWT)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="40" />
        <source>Sanctioned</source>
        <translation>제재 대상</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="30" />
        <source>Lists</source>
        <translation>제재 목록</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="41" />
        <source>MMSI</source>
        <translation>MMSI</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="34" />
        <source>Trip</source>
        <translation>운항</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="35" />
        <source>Arrival</source>
        <translation>도착</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="36" />
        <source>Departure</source>
        <translation>출발</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="37" />
        <source>Level</source>
        <translation>등급</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="37" />
        <source>Load</source>
        <translation>적재 상태</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="39" />
        <source>Ports</source>
        <translation>항만</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="81" />
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="46" />
        <source>confirmed</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="47" />
        <source>inferred</source>
        <translation>추정</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="48" />
        <source>possible</source>
        <translation>가능</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="49" />
        <source>laden</source>
        <translation>적재</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="50" />
        <source>ballast</source>
        <translation>공선</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="51" />
        <source>unknown</source>
        <translation>불명</translation>
    </message>
</context>
<context>
    <name>TankerWatchAlgorithm</name>
    <message>
        <location filename="../plugin/processing/base.py" line="16" />
        <source>AIS</source>
        <translation>AIS</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="120" />
        <source>Sanctions</source>
        <translation>제재</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="117" />
        <source>Analysis</source>
        <translation>분석</translation>
    </message>
</context>
<context>
    <name>TankerWatchDock</name>
    <message>
        <location filename="../plugin/gui/dock.py" line="604" />
        <source>Tanker Watch</source>
        <translation>Tanker Watch</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="141" />
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="146" />
        <source>AIS data (*.csv *.csv.gz *.gz *.zip *.nmea *.txt *.log);;All files (*)</source>
        <translation>AIS 데이터 (*.csv *.csv.gz *.gz *.zip *.nmea *.txt *.log);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="147" />
        <source>One or more AIS files (CSV, NMEA), or pick a point layer below</source>
        <translation>하나 이상의 AIS 파일(CSV, NMEA) 또는 아래에서 점 레이어를 선택하세요</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="148" />
        <source>AIS files</source>
        <translation>AIS 파일</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="153" />
        <source>or point layer</source>
        <translation>또는 점 레이어</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="158" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="156" />
        <source>Sightings (optional)</source>
        <translation>위성 관측 자료(선택)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="159" />
        <source>Vessel particulars (optional)</source>
        <translation>선박 제원(선택)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="161" />
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="163" />
        <source>Load demo data</source>
        <translation>데모 데이터 불러오기</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="164" />
        <source>Simulated tanker traffic at Vostochny, 2024, based on public reporting</source>
        <translation>공개 보도를 바탕으로 모의한 2024년 보스토치니 유조선 통행</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="169" />
        <source>No data loaded.</source>
        <translation>불러온 데이터가 없습니다.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="175" />
        <source>Region</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="178" />
        <source>Draw polygon</source>
        <translation>다각형 그리기</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="179" />
        <source>Click the vertices; right-click or double-click to finish</source>
        <translation>꼭짓점을 클릭하고, 오른쪽 클릭이나 더블 클릭으로 마칩니다</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="181" />
        <source>Draw rectangle</source>
        <translation>사각형 그리기</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="182" />
        <source>Press, drag and release on the map</source>
        <translation>지도에서 누른 채 끌었다가 놓습니다</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="187" />
        <source>Use selected polygons of the active layer</source>
        <translation>활성 레이어의 선택한 다각형 사용</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="431" />
        <source>No region yet: draw one on the map.</source>
        <translation>아직 지역이 없습니다: 지도에 그려 주세요.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="196" />
        <source>Period and filters</source>
        <translation>기간 및 필터</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="206" />
        <source>From (UTC)</source>
        <translation>시작(UTC)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="207" />
        <source>To (UTC)</source>
        <translation>종료(UTC)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="208" />
        <source>Tankers only</source>
        <translation>유조선만</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="210" />
        <source>Sanctioned vessels only</source>
        <translation>제재 대상 선박만</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="216" />
        <source>e.g. KP, SL (empty: all)</source>
        <translation>예: KP, SL (비우면 전체)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="217" />
        <source>Flag states (two-letter codes), separated by commas</source>
        <translation>선적국(두 글자 코드), 쉼표로 구분</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="219" />
        <source>Flags</source>
        <translation>선적국</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="223" />
        <source>Assumptions</source>
        <translation>가정</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="228" />
        <source>{product} ({bbl:g} bbl/t)</source>
        <translation>{product} ({bbl:g} 배럴/톤)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="231" />
        <source>Product</source>
        <translation>유종</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="239" />
        <source>Share of the cargo capacity filled on a laden trip (central estimate)</source>
        <translation>적재 운항 시 채운 화물 용량의 비율(중앙 추정)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="241" />
        <source>Fill factor</source>
        <translation>적재율</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="248" />
        <source>Share of the deadweight that is cargo (the rest is fuel, water, stores)</source>
        <translation>재화중량 중 화물의 비율(나머지는 연료, 청수, 선용품)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="250" />
        <source>Cargo share of DWT</source>
        <translation>재화중량 대비 화물 비율</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="254" />
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="256" />
        <source>Load data and draw a region to see results.</source>
        <translation>데이터를 불러오고 지역을 그리면 결과가 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="273" />
        <source>Vessels</source>
        <translation>선박</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="274" />
        <source>Trips</source>
        <translation>운항</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="275" />
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="281" />
        <source>Export report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="282" />
        <source>Export tables</source>
        <translation>표 내보내기</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="306" />
        <source>diesel</source>
        <translation>경유</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="306" />
        <source>gasoil</source>
        <translation>가스오일</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="306" />
        <source>gasoline</source>
        <translation>휘발유</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="307" />
        <source>kerosene</source>
        <translation>등유</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="307" />
        <source>fuel oil</source>
        <translation>연료유</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="307" />
        <source>crude oil</source>
        <translation>원유</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="308" />
        <source>LPG</source>
        <translation>LPG</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="323" />
        <source>Choose AIS files or a point layer first.</source>
        <translation>먼저 AIS 파일이나 점 레이어를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="337" />
        <source>Loading... (progress and cancel in the task manager)</source>
        <translation>불러오는 중... (진행 상황과 취소는 작업 관리자에서)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="347" />
        <source>Loading failed or was cancelled: {error}</source>
        <translation>불러오기가 실패했거나 취소되었습니다: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="348" />
        <source>Tanker Watch could not load the data: {error}</source>
        <translation>Tanker Watch가 데이터를 불러오지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="352" />
        <source>Simulated demo data based on public reporting.</source>
        <translation>공개 보도를 바탕으로 한 모의 데모 데이터입니다.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="361" />
        <source>The layers could not be written: {error}</source>
        <translation>레이어를 기록하지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="369" />
        <source>{n} rows could not be read (details in the log).</source>
        <translation>{n}개 행을 읽지 못했습니다(자세한 내용은 로그 참조).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="376" />
        <source>{n} problems in the sightings/particulars files (details in the log).</source>
        <translation>관측/제원 파일에 문제 {n}건(자세한 내용은 로그 참조).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="404" />
        <source>Select one or more polygons of the active layer first.</source>
        <translation>먼저 활성 레이어에서 다각형을 하나 이상 선택하세요.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="417" />
        <source>Region set: {w:.3f}-{e:.3f} E, {s:.3f}-{n:.3f} N</source>
        <translation>지역 설정됨: 동경 {w:.3f}-{e:.3f}, 북위 {s:.3f}-{n:.3f}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="465" />
        <source>The analysis failed: {error}</source>
        <translation>분석에 실패했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="473" />
        <source>The trips layer could not be written: {error}</source>
        <translation>운항 레이어를 기록하지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="480" />
        <source>&lt;b&gt;{trips}&lt;/b&gt; trips (confirmed and inferred), &lt;b&gt;{laden}&lt;/b&gt; left laden; {possible} possible trips not counted.</source>
        <translation>운항 &lt;b&gt;{trips}&lt;/b&gt;회(확인 및 추정), 그중 &lt;b&gt;{laden}&lt;/b&gt;회는 적재 상태로 출항; 가능 운항 {possible}회는 집계하지 않음.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="483" />
        <source>&lt;b&gt;{vessels}&lt;/b&gt; vessels.</source>
        <translation>선박 &lt;b&gt;{vessels}&lt;/b&gt;척.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="484" />
        <source>Estimated barrels: &lt;b&gt;{central}&lt;/b&gt; (range {low} to {high}).</source>
        <translation>추정 물량: &lt;b&gt;{central}&lt;/b&gt; 배럴(범위 {low} ~ {high}).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="488" />
        <source>{year}: {central:.0%} of the UN annual cap (range {low:.0%} to {high:.0%}).</source>
        <translation>{year}년: UN 연간 상한의 {central:.0%}(범위 {low:.0%} ~ {high:.0%}).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="493" />
        <source>Assumptions:</source>
        <translation>가정:</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="560" />
        <source>Save the report as</source>
        <translation>보고서 저장</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="573" />
        <source>The tables could not be exported: {error}</source>
        <translation>표를 내보내지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="576" />
        <source>Tables written to {folder}</source>
        <translation>표를 {folder}에 기록했습니다</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="587" />
        <source>Tanker Watch report</source>
        <translation>Tanker Watch 보고서</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="592" />
        <source>The report could not be exported: {error}</source>
        <translation>보고서를 내보내지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="595" />
        <source>Report written to {path}</source>
        <translation>보고서를 {path}에 기록했습니다</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="283" />
        <source>The map and report as PDF, or page 1 as a PNG image</source>
        <translation>지도와 보고서를 PDF로, 또는 1쪽을 PNG 이미지로</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="284" />
        <source>The trips and vessels tables as CSV or GeoPackage</source>
        <translation>운항 및 선박 표를 CSV 또는 GeoPackage로</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="547" />
        <source>CSV files in a folder (*.csv)</source>
        <translation>폴더 안의 CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="547" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="548" />
        <source>Export the trips and vessels tables</source>
        <translation>운항 및 선박 표 내보내기</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="559" />
        <source>PDF report (*.pdf)</source>
        <translation>PDF 보고서 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="559" />
        <source>PNG map, page 1 (*.png)</source>
        <translation>PNG 지도, 1쪽 (*.png)</translation>
    </message>
</context>
<context>
    <name>TankerWatchPlugin</name>
    <message>
        <location filename="../plugin/main.py" line="50" />
        <source>Tanker Watch panel</source>
        <translation>Tanker Watch 패널</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="53" />
        <source>Show or hide the Tanker Watch panel</source>
        <translation>Tanker Watch 패널 표시/숨기기</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="57" />
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
<context>
    <name>TripsInRegionAlgorithm</name>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="236" />
        <source>Counts the trips vessels made into the region (one visit from entering to leaving with at least one port call; transits are not trips), says which left laden (draught out minus draught in of at least 0.5 m, or a satellite sighting; an unchanged AIS draught is 'unknown', never 'ballast', because crews often do not update it), and estimates the volumes delivered. ESTIMATES, not facts:</source>
        <translation>선박이 지역으로 들어온 운항 횟수를 셉니다(진입부터 이탈까지 입항이 한 번 이상 있는 방문 한 번; 통과는 운항이 아님). 어느 운항이 적재 상태로 떠났는지 판단하고(출항 흘수에서 입항 흘수를 뺀 값이 0.5 m 이상이거나 위성 관측; 승무원이 흘수를 갱신하지 않는 경우가 많아 AIS 흘수가 변하지 않으면 '공선'이 아니라 '불명'), 운송된 물량을 추정합니다. 사실이 아니라 추정치입니다:</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="255" />
        <source>Trips</source>
        <translation>운항</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="257" />
        <source>Vessels</source>
        <translation>선박</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="264" />
        <source>Assumptions</source>
        <translation>가정</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="233" />
        <source>Trips into a region and estimated volumes</source>
        <translation>지역 내 운항 및 추정 물량</translation>
    </message>
</context>
<context>
    <name>UpdateSanctionsAlgorithm</name>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="124" />
        <source>Downloads the chosen lists into the plugin's cache (in your QGIS profile) with QGIS's proxy settings. A download is parsed and checked (schema intact, vessel count not collapsing) before it replaces the cache; on any failure the previous data stay and the reason is reported. Sources and licences:</source>
        <translation>선택한 목록을 QGIS 프록시 설정으로 플러그인 캐시(QGIS 프로필 안)에 내려받습니다. 내려받은 자료는 캐시를 대체하기 전에 구문 분석과 점검(스키마 유지, 선박 수 급감 없음)을 거치며, 실패하면 이전 데이터가 유지되고 이유가 보고됩니다. 출처와 라이선스:</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="133" />
        <source>Lists to update</source>
        <translation>갱신할 목록</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="136" />
        <source>API key for sources that need one (from the QGIS authentication manager)</source>
        <translation>API 키가 필요한 출처용 키(QGIS 인증 관리자에서)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="139" />
        <source>What happened</source>
        <translation>처리 결과</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="140" />
        <source>Lists that could not be updated</source>
        <translation>갱신하지 못한 목록 수</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="119" />
        <source>Update sanctions lists</source>
        <translation>제재 목록 업데이트</translation>
    </message>
</context>
<context>
    <name>_AnalysisAlgorithm</name>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="121" />
        <source>Satellite sightings CSV (time_utc,lat,lon,imo,mmsi,name,state,source)</source>
        <translation>위성 관측 CSV (time_utc,lat,lon,imo,mmsi,name,state,source)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="124" />
        <source>Vessel particulars CSV (mmsi,imo,name,flag,ship_type,dwt)</source>
        <translation>선박 제원 CSV (mmsi,imo,name,flag,ship_type,dwt)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="127" />
        <source>Your own ports (points) or terminal polygons (blank: bundled World Port Index)</source>
        <translation>사용자 항만(점) 또는 터미널 다각형(비우면 내장 World Port Index)</translation>
    </message>
</context>
<context>
    <name>algorithm</name>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="27" />
        <source>AIS positions (CSV, NMEA log, compressed, or a point layer)</source>
        <translation>AIS 위치(CSV, NMEA 로그, 압축 파일 또는 점 레이어)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="30" />
        <source>Column mapping, e.g. time=BaseDateTime, mmsi=MMSI (blank: guess)</source>
        <translation>열 매핑, 예: time=BaseDateTime, mmsi=MMSI (비우면 추정)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="33" />
        <source>Drop positions implying a speed above (knots)</source>
        <translation>이보다 빠른 속력을 뜻하는 위치 제거(노트)</translation>
    </message>
</context>
</TS>