<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>CumulativeChart</name>
    <message>
        <location filename="../plugin/chart.py" line="73" />
        <source>Estimated barrels delivered, cumulative per calendar year, vs the UN cap</source>
        <translation>Оценка поставленных баррелей нарастающим итогом по календарным годам в сравнении с лимитом ООН</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="95" />
        <source>No counted trips: nothing to chart</source>
        <translation>Учтённых рейсов нет: строить нечего</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="172" />
        <source>UN cap {year}: {cap} bbl</source>
        <translation>Лимит ООН {year}: {cap} барр.</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="177" />
        <source>{year}: {central} bbl ({low} to {high})</source>
        <translation>{year}: {central} барр. (от {low} до {high})</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="190" />
        <source>low-high range</source>
        <translation>диапазон от низкой до высокой оценки</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="190" />
        <source>central estimate</source>
        <translation>центральная оценка</translation>
    </message>
    <message>
        <location filename="../plugin/chart.py" line="190" />
        <source>UN cap (resolution 2397)</source>
        <translation>лимит ООН (резолюция 2397)</translation>
    </message>
</context>
<context>
    <name>DetectPortCallsAlgorithm</name>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="204" />
        <source>Finds port calls: AIS stops (at least 2 h below 1 knot within 2 km) at the nearest port or terminal (else 'anchorage'), and dark calls: visits that fit inside an AIS gap (reachable at 12 knots from where the AIS went off, 2 h at the port, and back to where it came on). Each call has its evidence (ais_stop, sighting, dark_gap) and a level: confirmed (AIS stop or satellite sighting), inferred (dark gap with a draught change of at least 0.5 m), possible (feasible dark gap, nothing else; listed but never counted).</source>
        <translation>Находит заходы в порт: остановки по AIS (не менее 2 ч со скоростью ниже 1 узла в пределах 2 км) у ближайшего порта или терминала (иначе 'anchorage'), а также скрытые заходы — визиты, укладывающиеся в перерыв AIS (досягаемые на 12 узлах от места отключения AIS, 2 ч в порту и обратно к месту включения). У каждого захода есть основание (ais_stop, sighting, dark_gap) и уровень: confirmed (подтверждён: остановка по AIS или спутниковое наблюдение), inferred (выведен: перерыв AIS с изменением осадки не менее 0,5 м), possible (возможен: осуществимый перерыв AIS и ничего больше; показывается, но никогда не учитывается).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="216" />
        <source>Port calls</source>
        <translation>Заходы в порт</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="201" />
        <source>Detect port calls (AIS and dark)</source>
        <translation>Выявить заходы в порты (по АИС и при выключенном АИС)</translation>
    </message>
</context>
<context>
    <name>ExportReportAlgorithm</name>
    <message>
        <location filename="../plugin/processing/export_report.py" line="26" />
        <source>Runs the trips analysis on the region (like 'Trips into a region') and writes a two-page A4 report: page 1 the map (tracks, ports, region, sanctioned vessels) with the headline figures, their ranges and the assumptions; page 2 the vessels table and the cumulative barrels against the UN cap. The PNG is page 1. Volumes are ESTIMATES. The layout is built in a private project, so your project is not changed.</source>
        <translation>Выполняет анализ рейсов в районе (как 'Trips into a region') и создаёт двухстраничный отчёт формата A4: на странице 1 — карта (треки, порты, район, санкционные суда) с основными показателями, их диапазонами и допущениями; на странице 2 — таблица судов и накопленные баррели в сравнении с лимитом ООН. PNG — это страница 1. Объёмы являются ОЦЕНКАМИ. Макет строится в отдельном проекте, поэтому ваш проект не изменяется.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="36" />
        <source>Report title</source>
        <translation>Заголовок отчёта</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="36" />
        <source>Tanker trips into the region</source>
        <translation>Рейсы танкеров в район</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="38" />
        <source>Notice printed on every page (e.g. 'Simulated demo data based on public reporting')</source>
        <translation>Примечание на каждой странице (напр. 'Simulated demo data based on public reporting')</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="41" />
        <source>Report (PDF)</source>
        <translation>Отчёт (PDF)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="41" />
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="43" />
        <source>Map (PNG, page 1)</source>
        <translation>Карта (PNG, страница 1)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="43" />
        <source>PNG files (*.png)</source>
        <translation>Файлы PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/export_report.py" line="23" />
        <source>Export the trips report (PDF and PNG map)</source>
        <translation>Экспорт отчёта о рейсах (PDF и карта PNG)</translation>
    </message>
</context>
<context>
    <name>ImportAisAlgorithm</name>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="55" />
        <source>Reads AIS positions from US MarineCadastre or Danish Maritime Authority CSV, any other CSV (columns guessed from their names, or given as a mapping), raw NMEA 0183 logs (tag blocks, $PGHP and USCG timestamps), gzip/zip variants, or a point layer. Cleans them (not-available codes, invalid MMSIs, duplicates, impossible jumps) and writes the clean points. Every cleaning rule is counted in the report; rows that could not be read are listed with their line number and field.</source>
        <translation>Читает позиции AIS из CSV MarineCadastre (США) или Датского морского управления, любого другого CSV (столбцы определяются по именам или задаются сопоставлением), необработанных журналов NMEA 0183 (блоки тегов, метки времени $PGHP и USCG), их вариантов в gzip/zip или из точечного слоя. Очищает их (коды «нет данных», неверные MMSI, дубликаты, невозможные скачки) и записывает очищенные точки. Каждое правило очистки подсчитывается в отчёте; строки, которые не удалось прочитать, перечисляются с номером строки и полем.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="66" />
        <source>Clean AIS positions</source>
        <translation>Очищенные позиции AIS</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="68" />
        <source>Cleaning report</source>
        <translation>Отчёт об очистке</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="69" />
        <source>Clean positions</source>
        <translation>Очищенных позиций</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="70" />
        <source>Vessels (MMSIs)</source>
        <translation>Суда (MMSI)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="52" />
        <source>Import and clean AIS positions</source>
        <translation>Импорт и очистка позиций АИС</translation>
    </message>
</context>
<context>
    <name>LoadDatasetTask</name>
    <message>
        <location filename="../plugin/gui/tasks.py" line="74" />
        <source>Tanker Watch: loading AIS data</source>
        <translation>Tanker Watch: загрузка данных AIS</translation>
    </message>
    <message>
        <location filename="../plugin/gui/tasks.py" line="96" />
        <source>Loading was cancelled.</source>
        <translation>Загрузка отменена.</translation>
    </message>
</context>
<context>
    <name>MatchSanctionsAlgorithm</name>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="56" />
        <source>For every vessel of the input (a vessel list CSV with mmsi, imo, name columns, or AIS positions whose vessels are taken), says whether it is listed (UN 1718 as transposed by the EU, US OFAC SDN, EU, UK), on which lists and programmes, why the match was made (IMO, MMSI, name, former name, fuzzy name) and with what score. One-digit-off IMO numbers and identity conflicts are flagged as warnings. Works offline from the bundled snapshot (its date is reported); run 'Update sanctions lists' to refresh it. Note: the UN's own consolidated XML has no vessel records.</source>
        <translation>Для каждого судна на входе (CSV-список судов со столбцами mmsi, imo, name или позиции AIS, из которых берутся суда) сообщает, находится ли оно в санкционных списках (ООН 1718 в реализации ЕС, OFAC SDN США, ЕС, Великобритания), в каких списках и программах, на каком основании найдено совпадение (IMO, MMSI, название, прежнее название, нечёткое совпадение названия) и с какой оценкой. Номера IMO, отличающиеся одной цифрой, и противоречия в идентификации отмечаются предупреждениями. Работает без сети по встроенному снимку (его дата указывается); для обновления запустите 'Update sanctions lists'. Примечание: в сводном XML самой ООН нет записей о судах.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="67" />
        <source>Vessels (vessel list CSV, AIS file or layer)</source>
        <translation>Суда (CSV-список судов, файл AIS или слой)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="70" />
        <source>Fuzzy name match threshold (0-100)</source>
        <translation>Порог нечёткого совпадения названий (0-100)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="73" />
        <source>Sanctions matches</source>
        <translation>Совпадения с санкционными списками</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="75" />
        <source>Listed vessels</source>
        <translation>Санкционные суда</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="76" />
        <source>Sanctions data used</source>
        <translation>Использованные санкционные данные</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="52" />
        <source>Match vessels against sanctions lists</source>
        <translation>Сверить суда с санкционными списками</translation>
    </message>
</context>
<context>
    <name>ReconstructTracksAlgorithm</name>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="25" />
        <source>Reads and cleans AIS positions, then splits each vessel's positions into track segments wherever the AIS is silent for longer than the segment gap, and reports every silence at least as long as the dark-gap threshold as a dark period: start and end time and position, duration, straight-line distance, implied speed, draught before and after, and the nearest World Port Index port to each end. Track lines carry the vessel's identity and start/end times for the Temporal Controller; dark gaps are separate connector lines flagged dark=true.</source>
        <translation>Читает и очищает позиции AIS, затем делит позиции каждого судна на отрезки трека везде, где AIS молчит дольше интервала разбиения, и сообщает о каждом молчании не короче порога как о периоде без AIS: время и место начала и конца, продолжительность, расстояние по прямой, расчётная скорость, осадка до и после и ближайший порт World Port Index к каждому концу. Линии треков содержат идентификацию судна и время начала/конца для панели «Временной контроллер»; периоды без AIS — отдельные соединительные линии с пометкой dark=true.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="37" />
        <source>Split tracks at gaps longer than (hours)</source>
        <translation>Разбивать треки на перерывах длиннее (часов)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="40" />
        <source>Dark period: gaps at least (hours)</source>
        <translation>Период без AIS: перерывы не короче (часов)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="43" />
        <source>Tracks</source>
        <translation>Треки</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="48" />
        <source>Dark periods</source>
        <translation>Периоды без AIS</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="47" />
        <source>Track segments</source>
        <translation>Отрезков трека</translation>
    </message>
    <message>
        <location filename="../plugin/processing/reconstruct_tracks.py" line="22" />
        <source>Reconstruct tracks and dark periods</source>
        <translation>Восстановить треки и периоды без АИС</translation>
    </message>
</context>
<context>
    <name>RegionAlgorithm</name>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="154" />
        <source>Region (polygon layer or file)</source>
        <translation>Район (полигональный слой или файл)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="156" />
        <source>From (ISO date, UTC)</source>
        <translation>С (дата ISO, UTC)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="157" />
        <source>To (ISO date, UTC, inclusive)</source>
        <translation>По (дата ISO, UTC, включительно)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="158" />
        <source>Tankers only</source>
        <translation>Только танкеры</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="159" />
        <source>Sanctioned vessels only</source>
        <translation>Только санкционные суда</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="161" />
        <source>Product</source>
        <translation>Продукт</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="163" />
        <source>Barrels per tonne (product 'custom')</source>
        <translation>Баррелей на тонну (продукт 'custom')</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="166" />
        <source>Fill factor (central)</source>
        <translation>Коэффициент загрузки (центральная оценка)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="169" />
        <source>Cargo share of deadweight</source>
        <translation>Доля груза в дедвейте</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../plugin/report.py" line="140" />
        <source>{trips} trips into the region (confirmed or inferred), {laden} of them leaving laden; {possible} possible trips listed but not counted.</source>
        <translation>{trips} рейсов в район (подтверждённых или выведенных), из них {laden} — с выходом в грузу; {possible} возможных рейсов указаны, но не учтены.</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="143" />
        <source>{vessels} vessels made these trips.</source>
        <translation>Эти рейсы совершили судов: {vessels}.</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="144" />
        <source>Estimated volume: about {central} barrels (range {low} to {high}).</source>
        <translation>Оценка объёма: около {central} баррелей (диапазон от {low} до {high}).</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="148" />
        <source>{year}: {central:.0%} of the UN annual cap of {cap} barrels (range {low:.0%} to {high:.0%}).</source>
        <translation>{year}: {central:.0%} годового лимита ООН в {cap} баррелей (диапазон от {low:.0%} до {high:.0%}).</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="158" />
        <source>no trips</source>
        <translation>рейсов нет</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="163" />
        <source>Trips from {first} to {last}</source>
        <translation>Рейсы с {first} по {last}</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="168" />
        <source>Data: vessel positions from the AIS data loaded; ports from the NGA World Port Index (Pub. 150, public domain); sanctions from the US OFAC SDN list (public domain) and the EU Official Journal (vessel annexes of Reg. 2017/1509, which transposes the UN 1718 designations, and Reg. 833/2014) ({label}). Land: Natural Earth (public domain). Made with QGIS and Tanker Watch.</source>
        <translation>Данные: позиции судов — загруженные данные АИС; порты — World Port Index NGA (Pub. 150, общественное достояние); санкции — список SDN OFAC США (общественное достояние) и Официальный журнал ЕС (приложения о судах к Регламенту 2017/1509, вводящему обозначения ООН по резолюции 1718, и к Регламенту 833/2014) ({label}). Суша: Natural Earth (общественное достояние). Сделано в QGIS и Tanker Watch.</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="179" />
        <source>Vessel</source>
        <translation>Судно</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="179" />
        <source>IMO</source>
        <translation>ИМО</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="179" />
        <source>Flag</source>
        <translation>Флаг</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="180" />
        <source>DWT (t)</source>
        <translation>Дедвейт (т)</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="180" />
        <source>Trips</source>
        <translation>Рейсы</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="180" />
        <source>Laden</source>
        <translation>В грузу</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="181" />
        <source>Possible</source>
        <translation>Возможные</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="181" />
        <source>Barrels low</source>
        <translation>Баррели (низк.)</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="182" />
        <source>Barrels central</source>
        <translation>Баррели (центр.)</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="182" />
        <source>Barrels high</source>
        <translation>Баррели (выс.)</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="183" />
        <source>Sanctions lists</source>
        <translation>Санкционные списки</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="210" />
        <source>No vessel made a trip into the region</source>
        <translation>Ни одно судно не совершило рейса в район</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="255" />
        <source>{period}. Report made {date}. Volumes are ESTIMATES with ranges.</source>
        <translation>{period}. Отчёт составлен {date}. Объёмы — ОЦЕНКИ с диапазонами.</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="312" />
        <source>Headline figures</source>
        <translation>Основные показатели</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="316" />
        <source>Assumptions (estimates, not facts)</source>
        <translation>Допущения (оценки, а не факты)</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="324" />
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="353" />
        <source>Vessels with trips into the region</source>
        <translation>Суда, совершившие рейсы в район</translation>
    </message>
    <message>
        <location filename="../plugin/report.py" line="356" />
        <source>Barrels are estimates (see the assumptions on page 1). * DWT unknown: {dwt:,.0f} t assumed.</source>
        <translation>Баррели — оценки (см. допущения на стр. 1). * Дедвейт неизвестен: принят {dwt:,.0f} т.</translation>
    </message>
</context>
<context>
    <name>ResultsModels</name>
    <message>
        <location filename="../plugin/gui/results_models.py" line="34" />
        <source>Vessel</source>
        <translation>Судно</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="41" />
        <source>IMO</source>
        <translation>IMO</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="23" />
        <source>Flag</source>
        <translation>Флаг</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="23" />
        <source>Trips</source>
        <translation>Рейсы</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="24" />
        <source>Possible</source>
        <translation>Возможные</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="25" />
        <source>Laden</source>
        <translation>В грузу</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="38" />
        <source>Barrels</source>
        <translation>Баррели</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="27" />
        <source>Low</source>
        <translation>Мин.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="28" />
        <source>High</source>
        <translation>Макс.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="28" />
        <source>DWT</source>
        <translation>Дедвейт</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="40" />
        <source>Sanctioned</source>
        <translation>Под санкциями</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="30" />
        <source>Lists</source>
        <translation>Списки</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="41" />
        <source>MMSI</source>
        <translation>MMSI</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="34" />
        <source>Trip</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="35" />
        <source>Arrival</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="36" />
        <source>Departure</source>
        <translation>Отход</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="37" />
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="37" />
        <source>Load</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="39" />
        <source>Ports</source>
        <translation>Порты</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="81" />
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="46" />
        <source>confirmed</source>
        <translation>подтверждён</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="47" />
        <source>inferred</source>
        <translation>выведен</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="48" />
        <source>possible</source>
        <translation>возможен</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="49" />
        <source>laden</source>
        <translation>в грузу</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="50" />
        <source>ballast</source>
        <translation>в балласте</translation>
    </message>
    <message>
        <location filename="../plugin/gui/results_models.py" line="51" />
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
</context>
<context>
    <name>TankerWatchAlgorithm</name>
    <message>
        <location filename="../plugin/processing/base.py" line="16" />
        <source>AIS</source>
        <translation>АИС</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="120" />
        <source>Sanctions</source>
        <translation>Санкции</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="117" />
        <source>Analysis</source>
        <translation>Анализ</translation>
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
        <translation>Данные</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="146" />
        <source>AIS data (*.csv *.csv.gz *.gz *.zip *.nmea *.txt *.log);;All files (*)</source>
        <translation>Данные AIS (*.csv *.csv.gz *.gz *.zip *.nmea *.txt *.log);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="147" />
        <source>One or more AIS files (CSV, NMEA), or pick a point layer below</source>
        <translation>Один или несколько файлов AIS (CSV, NMEA) или выберите точечный слой ниже</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="148" />
        <source>AIS files</source>
        <translation>Файлы AIS</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="153" />
        <source>or point layer</source>
        <translation>или точечный слой</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="158" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="156" />
        <source>Sightings (optional)</source>
        <translation>Спутниковые наблюдения (необязательно)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="159" />
        <source>Vessel particulars (optional)</source>
        <translation>Характеристики судов (необязательно)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="161" />
        <source>Load</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="163" />
        <source>Load demo data</source>
        <translation>Загрузить демо-данные</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="164" />
        <source>Simulated tanker traffic at Vostochny, 2024, based on public reporting</source>
        <translation>Смоделированное движение танкеров у Восточного в 2024 г. по открытым публикациям</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="169" />
        <source>No data loaded.</source>
        <translation>Данные не загружены.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="175" />
        <source>Region</source>
        <translation>Район</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="178" />
        <source>Draw polygon</source>
        <translation>Нарисовать полигон</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="179" />
        <source>Click the vertices; right-click or double-click to finish</source>
        <translation>Щёлкайте по вершинам; правый щелчок или двойной щелчок завершает</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="181" />
        <source>Draw rectangle</source>
        <translation>Нарисовать прямоугольник</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="182" />
        <source>Press, drag and release on the map</source>
        <translation>Нажмите, протяните и отпустите на карте</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="187" />
        <source>Use selected polygons of the active layer</source>
        <translation>Взять выбранные полигоны активного слоя</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="431" />
        <source>No region yet: draw one on the map.</source>
        <translation>Район не задан: нарисуйте его на карте.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="196" />
        <source>Period and filters</source>
        <translation>Период и фильтры</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="206" />
        <source>From (UTC)</source>
        <translation>С (UTC)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="207" />
        <source>To (UTC)</source>
        <translation>По (UTC)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="208" />
        <source>Tankers only</source>
        <translation>Только танкеры</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="210" />
        <source>Sanctioned vessels only</source>
        <translation>Только санкционные суда</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="216" />
        <source>e.g. KP, SL (empty: all)</source>
        <translation>напр. KP, SL (пусто: все)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="217" />
        <source>Flag states (two-letter codes), separated by commas</source>
        <translation>Государства флага (двухбуквенные коды) через запятую</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="219" />
        <source>Flags</source>
        <translation>Флаги</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="223" />
        <source>Assumptions</source>
        <translation>Допущения</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="228" />
        <source>{product} ({bbl:g} bbl/t)</source>
        <translation>{product} ({bbl:g} барр./т)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="231" />
        <source>Product</source>
        <translation>Продукт</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="239" />
        <source>Share of the cargo capacity filled on a laden trip (central estimate)</source>
        <translation>Доля грузовместимости, заполненная в рейсе в грузу (центральная оценка)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="241" />
        <source>Fill factor</source>
        <translation>Коэффициент загрузки</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="248" />
        <source>Share of the deadweight that is cargo (the rest is fuel, water, stores)</source>
        <translation>Доля дедвейта, приходящаяся на груз (остальное — топливо, вода, припасы)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="250" />
        <source>Cargo share of DWT</source>
        <translation>Доля груза в дедвейте</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="254" />
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="256" />
        <source>Load data and draw a region to see results.</source>
        <translation>Загрузите данные и нарисуйте район, чтобы увидеть результаты.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="273" />
        <source>Vessels</source>
        <translation>Суда</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="274" />
        <source>Trips</source>
        <translation>Рейсы</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="275" />
        <source>Chart</source>
        <translation>График</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="281" />
        <source>Export report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="282" />
        <source>Export tables</source>
        <translation>Экспорт таблиц</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="306" />
        <source>diesel</source>
        <translation>дизельное топливо</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="306" />
        <source>gasoil</source>
        <translation>газойль</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="306" />
        <source>gasoline</source>
        <translation>бензин</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="307" />
        <source>kerosene</source>
        <translation>керосин</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="307" />
        <source>fuel oil</source>
        <translation>мазут</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="307" />
        <source>crude oil</source>
        <translation>сырая нефть</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="308" />
        <source>LPG</source>
        <translation>СУГ</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="323" />
        <source>Choose AIS files or a point layer first.</source>
        <translation>Сначала выберите файлы AIS или точечный слой.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="337" />
        <source>Loading... (progress and cancel in the task manager)</source>
        <translation>Загрузка... (ход выполнения и отмена — в диспетчере задач)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="347" />
        <source>Loading failed or was cancelled: {error}</source>
        <translation>Загрузка не удалась или была отменена: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="348" />
        <source>Tanker Watch could not load the data: {error}</source>
        <translation>Tanker Watch не смог загрузить данные: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="352" />
        <source>Simulated demo data based on public reporting.</source>
        <translation>Смоделированные демо-данные на основе открытых публикаций.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="361" />
        <source>The layers could not be written: {error}</source>
        <translation>Не удалось записать слои: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="369" />
        <source>{n} rows could not be read (details in the log).</source>
        <translation>Не удалось прочитать строк: {n} (подробности в журнале).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="376" />
        <source>{n} problems in the sightings/particulars files (details in the log).</source>
        <translation>Проблем в файлах наблюдений/характеристик: {n} (подробности в журнале).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="404" />
        <source>Select one or more polygons of the active layer first.</source>
        <translation>Сначала выберите один или несколько полигонов активного слоя.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="417" />
        <source>Region set: {w:.3f}-{e:.3f} E, {s:.3f}-{n:.3f} N</source>
        <translation>Район задан: {w:.3f}-{e:.3f} в. д., {s:.3f}-{n:.3f} с. ш.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="465" />
        <source>The analysis failed: {error}</source>
        <translation>Анализ не удался: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="473" />
        <source>The trips layer could not be written: {error}</source>
        <translation>Не удалось записать слой рейсов: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="480" />
        <source>&lt;b&gt;{trips}&lt;/b&gt; trips (confirmed and inferred), &lt;b&gt;{laden}&lt;/b&gt; left laden; {possible} possible trips not counted.</source>
        <translation>Рейсов: &lt;b&gt;{trips}&lt;/b&gt; (подтверждённые и выведенные), из них в грузу ушли &lt;b&gt;{laden}&lt;/b&gt;; возможные рейсы ({possible}) не учитываются.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="483" />
        <source>&lt;b&gt;{vessels}&lt;/b&gt; vessels.</source>
        <translation>Судов: &lt;b&gt;{vessels}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="484" />
        <source>Estimated barrels: &lt;b&gt;{central}&lt;/b&gt; (range {low} to {high}).</source>
        <translation>Оценка, баррелей: &lt;b&gt;{central}&lt;/b&gt; (диапазон от {low} до {high}).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="488" />
        <source>{year}: {central:.0%} of the UN annual cap (range {low:.0%} to {high:.0%}).</source>
        <translation>{year}: {central:.0%} годового лимита ООН (диапазон от {low:.0%} до {high:.0%}).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="493" />
        <source>Assumptions:</source>
        <translation>Допущения:</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="560" />
        <source>Save the report as</source>
        <translation>Сохранить отчёт как</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="573" />
        <source>The tables could not be exported: {error}</source>
        <translation>Не удалось экспортировать таблицы: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="576" />
        <source>Tables written to {folder}</source>
        <translation>Таблицы записаны в {folder}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="587" />
        <source>Tanker Watch report</source>
        <translation>Отчёт Tanker Watch</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="592" />
        <source>The report could not be exported: {error}</source>
        <translation>Не удалось экспортировать отчёт: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="595" />
        <source>Report written to {path}</source>
        <translation>Отчёт записан в {path}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="283" />
        <source>The map and report as PDF, or page 1 as a PNG image</source>
        <translation>Карта и отчёт в PDF или первая страница как изображение PNG</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="284" />
        <source>The trips and vessels tables as CSV or GeoPackage</source>
        <translation>Таблицы рейсов и судов в CSV или GeoPackage</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="547" />
        <source>CSV files in a folder (*.csv)</source>
        <translation>Файлы CSV в папке (*.csv)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="547" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="548" />
        <source>Export the trips and vessels tables</source>
        <translation>Экспорт таблиц рейсов и судов</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="559" />
        <source>PDF report (*.pdf)</source>
        <translation>Отчёт PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="559" />
        <source>PNG map, page 1 (*.png)</source>
        <translation>Карта PNG, стр. 1 (*.png)</translation>
    </message>
</context>
<context>
    <name>TankerWatchPlugin</name>
    <message>
        <location filename="../plugin/main.py" line="50" />
        <source>Tanker Watch panel</source>
        <translation>Панель Tanker Watch</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="53" />
        <source>Show or hide the Tanker Watch panel</source>
        <translation>Показать или скрыть панель Tanker Watch</translation>
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
        <translation>Tanker Watch: треки АИС, заходы в порты, рейсы и санкционные суда</translation>
    </message>
</context>
<context>
    <name>TripsInRegionAlgorithm</name>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="236" />
        <source>Counts the trips vessels made into the region (one visit from entering to leaving with at least one port call; transits are not trips), says which left laden (draught out minus draught in of at least 0.5 m, or a satellite sighting; an unchanged AIS draught is 'unknown', never 'ballast', because crews often do not update it), and estimates the volumes delivered. ESTIMATES, not facts:</source>
        <translation>Подсчитывает рейсы судов в район (один визит от входа до выхода хотя бы с одним заходом в порт; транзит — не рейс), определяет, какие суда ушли в грузу (осадка на выходе минус осадка на входе не менее 0,5 м или спутниковое наблюдение; неизменная осадка по AIS означает 'неизвестно', а не 'в балласте', поскольку экипажи часто её не обновляют), и оценивает вывезенные объёмы. Это ОЦЕНКИ, а не факты:</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="255" />
        <source>Trips</source>
        <translation>Рейсы</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="257" />
        <source>Vessels</source>
        <translation>Суда</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="264" />
        <source>Assumptions</source>
        <translation>Допущения</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="233" />
        <source>Trips into a region and estimated volumes</source>
        <translation>Рейсы в район и оценка объёмов</translation>
    </message>
</context>
<context>
    <name>UpdateSanctionsAlgorithm</name>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="124" />
        <source>Downloads the chosen lists into the plugin's cache (in your QGIS profile) with QGIS's proxy settings. A download is parsed and checked (schema intact, vessel count not collapsing) before it replaces the cache; on any failure the previous data stay and the reason is reported. Sources and licences:</source>
        <translation>Загружает выбранные списки в кэш модуля (в вашем профиле QGIS) с настройками прокси QGIS. Загруженные данные разбираются и проверяются (схема не изменилась, число судов резко не упало), прежде чем заменить кэш; при любой ошибке остаются прежние данные, а причина сообщается. Источники и лицензии:</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="133" />
        <source>Lists to update</source>
        <translation>Обновляемые списки</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="136" />
        <source>API key for sources that need one (from the QGIS authentication manager)</source>
        <translation>Ключ API для источников, которым он нужен (из менеджера аутентификации QGIS)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="139" />
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="140" />
        <source>Lists that could not be updated</source>
        <translation>Не удалось обновить списков</translation>
    </message>
    <message>
        <location filename="../plugin/processing/match_sanctions.py" line="119" />
        <source>Update sanctions lists</source>
        <translation>Обновить санкционные списки</translation>
    </message>
</context>
<context>
    <name>_AnalysisAlgorithm</name>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="121" />
        <source>Satellite sightings CSV (time_utc,lat,lon,imo,mmsi,name,state,source)</source>
        <translation>CSV спутниковых наблюдений (time_utc,lat,lon,imo,mmsi,name,state,source)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="124" />
        <source>Vessel particulars CSV (mmsi,imo,name,flag,ship_type,dwt)</source>
        <translation>CSV характеристик судов (mmsi,imo,name,flag,ship_type,dwt)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/trips_in_region.py" line="127" />
        <source>Your own ports (points) or terminal polygons (blank: bundled World Port Index)</source>
        <translation>Свои порты (точки) или полигоны терминалов (пусто: встроенный World Port Index)</translation>
    </message>
</context>
<context>
    <name>algorithm</name>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="27" />
        <source>AIS positions (CSV, NMEA log, compressed, or a point layer)</source>
        <translation>Позиции AIS (CSV, журнал NMEA, архив или точечный слой)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="30" />
        <source>Column mapping, e.g. time=BaseDateTime, mmsi=MMSI (blank: guess)</source>
        <translation>Сопоставление столбцов, напр. time=BaseDateTime, mmsi=MMSI (пусто: определить)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/import_ais.py" line="33" />
        <source>Drop positions implying a speed above (knots)</source>
        <translation>Отбрасывать позиции, дающие скорость выше (узлов)</translation>
    </message>
</context>
</TS>