package org.safepassage.evidence.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Every SQL statement of the evidence module. Over 300 lines because it is the module's
 * one SQL class (incidents, reports, estimates, search and its translated copies), in
 * sections.
 */
public final class EvidenceQueries {

	static final String INCIDENT_COLUMNS = """
			i.id, i.kind, i.title, i.date_precision, i.date_from, i.date_to, i.place, i.place_precision,
			i.departure_country, i.return_country, i.summary, i.tags, i.state, i.override_low, i.override_best,
			i.override_high, i.override_note""";

	static final String INSERT_INCIDENT = """
			insert into incident (kind, title, date_precision, date_from, date_to, place, place_precision,
			                      departure_country, return_country, summary, tags, state, created_by, created_at,
			                      updated_at, published_at)
			values (:kind, :title, :datePrecision, :dateFrom, :dateTo, :place, :placePrecision, :departure,
			        :returnCountry, :summary, :tags, :state, :createdBy, :now, :now,
			        case when cast(:state as text) = 'PUBLISHED' then :now end)
			returning id""";

	static final String UPDATE_INCIDENT = """
			update incident set kind = :kind, title = :title, date_precision = :datePrecision, date_from = :dateFrom,
			       date_to = :dateTo, place = :place, place_precision = :placePrecision, departure_country = :departure,
			       return_country = :returnCountry, summary = :summary, tags = :tags, updated_at = :now
			where id = :id""";

	static final String SET_INCIDENT_STATE = """
			update incident set state = :state, updated_at = :now,
			       published_at = case when :state = 'PUBLISHED' then coalesce(published_at, :now) else published_at end
			where id = :id""";

	static final String SET_OVERRIDE = """
			update incident set override_low = :low, override_best = :best, override_high = :high,
			       override_note = :note, updated_at = :now
			where id = :id""";

	static final String FIND_INCIDENT = "select " + INCIDENT_COLUMNS + " from incident i where i.id = :id";

	static final String ANY_INCIDENT = "select exists (select 1 from incident)";

	static final String DELETE_DRAFT_INCIDENT = "delete from incident where id = :id and state = 'DRAFT'";

	/**
	 * Every filter is optional (null: any). The year matches incidents whose dates
	 * overlap it.
	 */
	private static final String FILTER = """
			from incident i
			where (cast(:state as text) is null or i.state = cast(:state as text))
			  and (cast(:kind as text) is null or i.kind = cast(:kind as text))
			  and (cast(:year as int) is null
			       or (i.date_from <= make_date(cast(:year as int), 12, 31)
			           and i.date_to >= make_date(cast(:year as int), 1, 1)))
			  and (cast(:place as text) is null or i.place ilike '%' || cast(:place as text) || '%' escape '\\')
			  and (cast(:organisation as text) is null or exists (
			       select 1 from source_report r where r.incident_id = i.id
			       and r.organisation ilike '%' || cast(:organisation as text) || '%' escape '\\'))""";

	/**
	 * Full-text search of the incident, its reports and their translations (V3_5: the
	 * translated title and summary, one row per language; V3_6: the reports' translated
	 * title and quote), English words by their stems and Korean, Chinese and Japanese
	 * words by the characters and pairs of characters they are made of (the {@code cjk}
	 * columns, V3_4): each GIN index finds the rows holding every pair,
	 * {@code evidence_cjk_contains} keeps those where the words occur as typed. Only used
	 * with a query, as a set of ids the planner joins to the incidents, so a search reads
	 * the indexes, not every incident.
	 */
	private static final String MATCHING = """

			and i.id in (
			     select m.id from incident m where m.search @@ websearch_to_tsquery('english', cast(:q as text))
			     union
			     select r.incident_id from source_report r
			      where r.search @@ websearch_to_tsquery('english', cast(:q as text))
			     union
			     select t.incident_id from incident_translation_text t
			      where t.search @@ websearch_to_tsquery('english', cast(:q as text))
			     union
			     select m.id from incident m
			      where cardinality(evidence_cjk_query(cast(:q as text))) > 0
			        and m.cjk @> evidence_cjk_query(cast(:q as text))
			        and evidence_cjk_contains(m.title || ' ' || m.summary || ' ' || m.place || ' '
			                                  || evidence_words(m.tags), cast(:q as text))
			     union
			     select r.incident_id from source_report r
			      where cardinality(evidence_cjk_query(cast(:q as text))) > 0
			        and r.cjk @> evidence_cjk_query(cast(:q as text))
			        and evidence_cjk_contains(r.organisation || ' ' || r.title || ' ' || coalesce(r.quote, ''),
			                                  cast(:q as text))
			     union
			     select t.incident_id from incident_translation_text t
			      where cardinality(evidence_cjk_query(cast(:q as text))) > 0
			        and t.cjk @> evidence_cjk_query(cast(:q as text))
			        and evidence_cjk_contains(coalesce(t.title, '') || ' ' || coalesce(t.summary, ''),
			                                  cast(:q as text))
			     union
			     select r.incident_id from report_translation_text t join source_report r on r.id = t.report_id
			      where t.search @@ websearch_to_tsquery('english', cast(:q as text))
			     union
			     select r.incident_id from report_translation_text t join source_report r on r.id = t.report_id
			      where cardinality(evidence_cjk_query(cast(:q as text))) > 0
			        and t.cjk @> evidence_cjk_query(cast(:q as text))
			        and evidence_cjk_contains(coalesce(t.title, '') || ' ' || coalesce(t.quote, ''),
			                                  cast(:q as text)))""";

	private static final String NEWEST_FIRST = """

			order by i.date_from desc, i.id desc
			limit :limit offset :offset""";

	static final String LIST_INCIDENTS = "select " + INCIDENT_COLUMNS + ", count(*) over () as total " + FILTER
			+ NEWEST_FIRST;

	static final String SEARCH_INCIDENTS = "select " + INCIDENT_COLUMNS + ", count(*) over () as total " + FILTER
			+ MATCHING + NEWEST_FIRST;

	// --- translations of incidents, kept for the search (V3_5)

	/** One translated field of an incident in one language; the other field is kept. */
	static final String SET_TRANSLATION_TEXT = """
			insert into incident_translation_text (incident_id, language, title, summary)
			select i.id, cast(:language as text),
			       case when cast(:field as text) = 'title' then cast(:text as text) end,
			       case when cast(:field as text) = 'summary' then cast(:text as text) end
			  from incident i where i.id = :id
			on conflict (incident_id, language) do update
			set title = case when cast(:field as text) = 'title' then excluded.title
			                 else incident_translation_text.title end,
			    summary = case when cast(:field as text) = 'summary' then excluded.summary
			                   else incident_translation_text.summary end""";

	/**
	 * A removed translation of one field; {@link #DELETE_EMPTY_TRANSLATION_TEXT} then
	 * removes the row when neither field is left. Clearing first, unconditionally, keeps
	 * the field cleared when another transaction saves the other field at the same time.
	 */
	static final String CLEAR_TRANSLATION_TEXT = """
			update incident_translation_text
			set title = case when cast(:field as text) = 'title' then null else title end,
			    summary = case when cast(:field as text) = 'summary' then null else summary end
			where incident_id = :id and language = cast(:language as text)""";

	static final String DELETE_EMPTY_TRANSLATION_TEXT = """
			delete from incident_translation_text
			where incident_id = :id and language = cast(:language as text) and title is null and summary is null""";

	// --- translations of sources' reports, kept for the search (V3_6)

	/** One translated field of a report in one language; the other field is kept. */
	static final String SET_REPORT_TRANSLATION_TEXT = """
			insert into report_translation_text (report_id, language, title, quote)
			select r.id, cast(:language as text),
			       case when cast(:field as text) = 'title' then cast(:text as text) end,
			       case when cast(:field as text) = 'quote' then cast(:text as text) end
			  from source_report r where r.id = :id
			on conflict (report_id, language) do update
			set title = case when cast(:field as text) = 'title' then excluded.title
			                 else report_translation_text.title end,
			    quote = case when cast(:field as text) = 'quote' then excluded.quote
			                 else report_translation_text.quote end""";

	/** As {@link #CLEAR_TRANSLATION_TEXT}, for a report. */
	static final String CLEAR_REPORT_TRANSLATION_TEXT = """
			update report_translation_text
			set title = case when cast(:field as text) = 'title' then null else title end,
			    quote = case when cast(:field as text) = 'quote' then null else quote end
			where report_id = :id and language = cast(:language as text)""";

	static final String DELETE_EMPTY_REPORT_TRANSLATION_TEXT = """
			delete from report_translation_text
			where report_id = :id and language = cast(:language as text) and title is null and quote is null""";

	static final String INCIDENTS_FOR_TIMELINE = "select " + INCIDENT_COLUMNS + " " + """
			from incident i where i.state = 'PUBLISHED' and i.kind = :kind order by i.date_from, i.id""";

	static final String PUBLISHED_FOR_PETITION = "select " + INCIDENT_COLUMNS + """
			 from incident i join incident_petition l on l.incident_id = i.id
			where l.petition_id = :petitionId and i.state = 'PUBLISHED'
			order by i.date_from desc, i.id desc""";

	static final String ORGANISATIONS = """
			select distinct r.organisation from source_report r join incident i on i.id = r.incident_id
			where cast(:state as text) is null or i.state = cast(:state as text)
			order by r.organisation""";

	static final String UNREADABLE_REPORTS = """
			select count(*) from source_report where figure_coding = 'UNREADABLE'""";

	// --- links to petitions

	static final String INCIDENT_PETITIONS = "select petition_id from incident_petition where incident_id = :id order by petition_id";

	static final String UNLINK_INCIDENT = "delete from incident_petition where incident_id = :id";

	static final String LINK_INCIDENT = """
			insert into incident_petition (incident_id, petition_id) values (:id, :petitionId) on conflict do nothing""";

	static final String ESTIMATE_PETITIONS = "select petition_id from estimate_petition where estimate_id = :id order by petition_id";

	static final String UNLINK_ESTIMATE = "delete from estimate_petition where estimate_id = :id";

	static final String LINK_ESTIMATE = """
			insert into estimate_petition (estimate_id, petition_id) values (:id, :petitionId) on conflict do nothing""";

	// --- source reports

	static final String REPORT_COLUMNS = """
			r.id, r.incident_id, r.organisation, r.title, r.url, r.published_on, r.figure_text, r.figure_low,
			r.figure_high, r.figure_coding, r.quote, r.reliability, r.note""";

	static final String INSERT_REPORT = """
			insert into source_report (incident_id, organisation, title, url, published_on, figure_text, figure_low,
			                           figure_high, figure_coding, quote, reliability, note, created_by, created_at)
			values (:incidentId, :organisation, :title, :url, :publishedOn, :figureText, :low, :high, :coding, :quote,
			        :reliability, :note, :createdBy, :now)
			returning id""";

	static final String UPDATE_REPORT = """
			update source_report set organisation = :organisation, title = :title, url = :url,
			       published_on = :publishedOn, figure_text = :figureText, figure_low = :low, figure_high = :high,
			       figure_coding = :coding, quote = :quote, reliability = :reliability, note = :note
			where id = :id""";

	static final String DELETE_REPORT = "delete from source_report where id = :id";

	/** The sealed protected note and its data key; read only to reveal or replace it. */
	static final String PROTECTED_NOTE = """
			select protected_note, protected_note_key from source_report where id = :id for update""";

	static final String HAS_PROTECTED_NOTE = """
			select protected_note is not null from source_report where id = :id""";

	static final String REPORTS_WITH_PROTECTED_NOTES = """
			select id from source_report where incident_id = :id and protected_note is not null""";

	static final String SET_PROTECTED_NOTE = """
			update source_report set protected_note = :sealed, protected_note_key = :dataKey where id = :id""";

	static final String CLEAR_PROTECTED_NOTE = """
			update source_report set protected_note = null, protected_note_key = null where id = :id""";

	/**
	 * The data keys of protected notes that go with the reports of a draft incident being
	 * deleted.
	 */
	static final String PROTECTED_NOTE_KEYS_OF_DRAFT = """
			select r.protected_note_key from source_report r join incident i on i.id = r.incident_id
			where i.id = :id and i.state = 'DRAFT' and r.protected_note_key is not null""";

	static final String FIND_REPORT = "select " + REPORT_COLUMNS + " from source_report r where r.id = :id";

	static final String REPORTS_OF = "select " + REPORT_COLUMNS + """
			 from source_report r where r.incident_id = any(:ids)
			order by r.incident_id, r.published_on nulls last, r.id""";

	// --- estimates

	static final String ESTIMATE_COLUMNS = """
			e.id, e.statement, e.measure, e.rate, e.period_precision, e.period_from, e.period_to, e.figure_text,
			e.figure_low, e.figure_high, e.figure_coding, e.organisation, e.source_title, e.url, e.published_on,
			e.quote, e.note, e.state""";

	static final String INSERT_ESTIMATE = """
			insert into estimate (statement, measure, rate, period_precision, period_from, period_to, figure_text,
			                      figure_low, figure_high, figure_coding, organisation, source_title, url,
			                      published_on, quote, note, state, created_by, created_at)
			values (:statement, :measure, :rate, :periodPrecision, :periodFrom, :periodTo, :figureText, :low, :high,
			        :coding, :organisation, :sourceTitle, :url, :publishedOn, :quote, :note, :state, :createdBy, :now)
			returning id""";

	static final String UPDATE_ESTIMATE = """
			update estimate set statement = :statement, measure = :measure, rate = :rate,
			       period_precision = :periodPrecision, period_from = :periodFrom, period_to = :periodTo,
			       figure_text = :figureText, figure_low = :low, figure_high = :high, figure_coding = :coding,
			       organisation = :organisation, source_title = :sourceTitle, url = :url, published_on = :publishedOn,
			       quote = :quote, note = :note, state = :state
			where id = :id""";

	static final String FIND_ESTIMATE = "select " + ESTIMATE_COLUMNS + " from estimate e where e.id = :id";

	static final String ESTIMATES = "select " + ESTIMATE_COLUMNS + """
			 from estimate e where cast(:state as text) is null or e.state = cast(:state as text)
			order by e.period_from desc, e.id desc""";

	static final String PUBLISHED_ESTIMATES_FOR_PETITION = "select " + ESTIMATE_COLUMNS + """
			 from estimate e join estimate_petition l on l.estimate_id = e.id
			where l.petition_id = :petitionId and e.state = 'PUBLISHED'
			order by e.period_from desc, e.id desc""";

	// --- CSV imports awaiting confirmation

	public static final String INSERT_IMPORT = """
			insert into evidence_import (file_name, content, uploaded_by, uploaded_at)
			values (:fileName, :content, :uploadedBy, :now)
			returning id""";

	public static final String FIND_IMPORT = "select id, file_name, content from evidence_import where id = :id";

	public static final String DELETE_IMPORT = "delete from evidence_import where id = :id";

	public static final String DELETE_OLD_IMPORTS = "delete from evidence_import where uploaded_at < :keptSince";

	/**
	 * For other modules (alerts link to incidents): id, title, first day, whether the
	 * public may see it.
	 */
	public static final String INCIDENT_DIRECTORY_ONE = """
			select id, title, date_from, state = 'PUBLISHED' as published from incident where id = :id""";

	/** Newest first. */
	public static final String INCIDENT_DIRECTORY_ALL = """
			select id, title, date_from, state = 'PUBLISHED' as published from incident
			order by date_from desc, id desc""";

	/**
	 * An instant as a {@code timestamptz} parameter (such as {@code :now}). Every
	 * statement takes the time from the application's clock, never from the database's
	 * {@code now()}.
	 */
	public static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private EvidenceQueries() {
	}

}
