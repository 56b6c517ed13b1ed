package org.safepassage.evidence.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * CSV import is checked in a dry run and is all or nothing; the export is what a filter
 * shows.
 */
class EvidenceCsvIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor RESEARCHER = user("researcher@example.org").roles("RESEARCHER");

	static final String HEADER = "incident,kind,title,date_precision,date,date_to,place,place_precision,"
			+ "departure_country,return_country,summary,tags,state,organisation,report_title,url,published_on,figure,"
			+ "reliability\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	CsvImport csvImport;

	long incidents() {
		return jdbc.sql("select count(*) from incident").query(Long.class).single();
	}

	ResultActions upload(String csv) throws Exception {
		return mvc.perform(multipart("/admin/evidence/import")
			.file(new MockMultipartFile("file", "incidents.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(RESEARCHER)
			.with(csrf()));
	}

	@Test
	void aFileWithOneBadRowIsRefusedWithThatRowNamedAndNothingImported() throws Exception {
		long before = incidents();
		String csv = HEADER
				+ "a,ARREST,Arrests at the Tumen crossing,DAY,2019-05-04,,Tumen,BORDER_AREA,CN,KP,Seven arrested.,,DRAFT,Border Watch,Arrests,https://example.org/a,2019-05-06,seven,RELIABLE\n"
				+ "b,ARREST,Arrests in Yanji,DAY,2019-02-30,,Yanji,CITY,CN,ZZ,Arrests.,,DRAFT,Border Watch,Arrests,ftp://example.org,2019-05-06,12,RELIABLE\n"
				+ "c,ARREST,Arrests in Hunchun,MONTH,2019-06,,Hunchun,CITY,CN,KP,Arrests.,,DRAFT,Border Watch,Arrests,,,9,RELIABLE\n";
		upload(csv).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Nothing was imported")))
			.andExpect(content().string(containsString("<td class=\"num\">3</td>")))
			.andExpect(content().string(containsString("date")))
			.andExpect(content().string(containsString("return_country")))
			.andExpect(content().string(containsString("url")))
			.andExpect(content().string(not(containsString("<td class=\"num\">2</td>"))))
			.andExpect(content().string(not(containsString("<td class=\"num\">4</td>"))));
		assertThat(incidents()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from evidence_import").query(Long.class).single()).isZero();
	}

	@Test
	void aGoodFileIsCheckedThenImportedWithItsReportsGroupedByIncident() throws Exception {
		long before = incidents();
		String csv = HEADER
				+ "x1,TRANSFER,Transfer from Shenyang,RANGE,2018-03-01,2018-03-20,Shenyang,CITY,cn,kp,Moved to the border.,\"transfer, Shenyang\",PUBLISHED,Border Watch,Transfer,https://example.org/t,2018-04-01,about 50,RELIABLE\n"
				+ "x1,TRANSFER,Transfer from Shenyang,RANGE,2018-03-01,2018-03-20,Shenyang,CITY,cn,kp,Moved to the border.,\"transfer, Shenyang\",PUBLISHED,Witness Network,Moved,,,dozens of families,PROBABLE\n"
				+ "x2,OTHER,Unclear figure,YEAR,2017,,Liaoning,PROVINCE,CN,KP,A report with a figure to read.,,DRAFT,Witness Network,Unclear,,,a busload,UNCONFIRMED\n";
		String location = upload(csv).andExpect(redirectedUrlPattern("/admin/evidence/import/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(incidents()).isEqualTo(before);
		mvc.perform(get(location).with(RESEARCHER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 incidents with 3 reports, from 3 rows")))
			.andExpect(content().string(containsString("a busload")));
		mvc.perform(post(location).with(RESEARCHER).with(csrf()))
			.andExpect(redirectedUrlPattern("/admin/evidence*"))
			.andExpect(flash().attribute("imported", 2));
		assertThat(incidents()).isEqualTo(before + 2);
		mvc.perform(get("/evidence").param("q", "Shenyang"))
			.andExpect(content().string(containsString("50 (1 source)")))
			.andExpect(content().string(containsString("Border Watch: about 50")));
		// The upload is used once.
		mvc.perform(post(location).with(RESEARCHER).with(csrf())).andExpect(status().isNotFound());
		assertThat(incidents()).isEqualTo(before + 2);
	}

	@Test
	void aCheckedFileWaitsADayToBeImported() throws Exception {
		String csv = HEADER + "w,OTHER,Waiting upload,YEAR,2014,,Nowhere in particular,COUNTRY,CN,KP,S.,,DRAFT,,,,,,\n";
		String first = upload(csv).andReturn().getResponse().getRedirectedUrl();
		clock.advance(Duration.ofHours(23));
		String second = upload(csv).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(first).with(RESEARCHER)).andExpect(status().isOk());
		clock.advance(Duration.ofHours(2));
		upload(csv).andExpect(redirectedUrlPattern("/admin/evidence/import/*"));
		mvc.perform(get(first).with(RESEARCHER)).andExpect(status().isNotFound());
		mvc.perform(get(second).with(RESEARCHER)).andExpect(status().isOk());
		jdbc.sql("delete from evidence_import").update();
	}

	@Test
	void incidentRowsThatDisagreeOrRepeatASourceAreNamed() {
		String csv = HEADER + "k,ARREST,One,DAY,2016-01-01,,Tumen,CITY,CN,KP,S.,,,Border Watch,R,,,5,RELIABLE\n"
				+ "k,ARREST,Another title,DAY,2016-01-01,,Tumen,CITY,CN,KP,S.,,,Border Watch,R,,,6,RELIABLE\n";
		CsvImport.Plan plan = csvImport.check(csv, Locale.ENGLISH);
		assertThat(plan.importable()).isFalse();
		assertThat(plan.problems()).extracting(CsvImport.Problem::line, CsvImport.Problem::column)
			.contains(Tuple.tuple(3L, "title"), Tuple.tuple(3L, "organisation"));
	}

	@Test
	void filesThatAreNotOurCsvAreRefusedAsAWhole() throws Exception {
		assertThat(csvImport.check("name,figure\nx,5\n", Locale.ENGLISH).problems().getFirst().message())
			.contains("Missing columns: incident, kind");
		assertThat(csvImport.check(new byte[] { (byte) 0xff, (byte) 0xfe, 0x41 }, Locale.ENGLISH)
			.problems()
			.getFirst()
			.message()).contains("not UTF-8");
		assertThat(csvImport.check(HEADER, Locale.ENGLISH).problems().getFirst().message()).contains("no rows");
		assertThat(csvImport.check(HEADER + "a,\"unterminated", Locale.ENGLISH).importable()).isFalse();
		mvc.perform(multipart("/admin/evidence/import").with(RESEARCHER).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please choose a CSV file.")));
	}

	@Test
	void theExportIsWhatTheFilterShowsAndImportsAgain() throws Exception {
		String csv = mvc.perform(get("/evidence/incidents.csv").param("organisation", "Open Doors"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("evidence-incidents.csv")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFincident,kind,title");
		assertThat(csv).contains("over 500").contains("Open Doors UK & Ireland,").contains(",500,500,600,2");
		assertThat(csv).doesNotContain("Human Rights Watch");
		CsvImport.Plan again = csvImport.check(csv.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
		assertThat(again.problems()).isEmpty();
		assertThat(again.incidents()).hasSize(1);
		assertThat(again.incidents().getFirst().reports()).hasSize(2);
	}

	@Test
	void thePublicExportNamesOnlyPetitionsThePublicMaySeeAndStaffExportsNameAll() throws Exception {
		long draft = petition("A draft nobody outside may know of", "DRAFT");
		long hidden = petition("A hidden petition", "HIDDEN");
		long open = petition("An open petition", "OPEN");
		long incident = jdbc.sql("""
				insert into incident (kind, title, date_precision, date_from, date_to, place, place_precision,
				  departure_country, return_country, summary, state, created_by)
				values ('OTHER', 'Linked to drafts', 'YEAR', date '2012-01-01', date '2012-12-31', 'Draft link place',
				  'COUNTRY', 'CN', 'KP', 'Summary', 'PUBLISHED', 'test') returning id""").query(Long.class).single();
		for (long petition : new long[] { draft, hidden, open }) {
			jdbc.sql("insert into incident_petition (incident_id, petition_id) values (?, ?)")
				.params(incident, petition)
				.update();
		}
		try {
			String all = draft + ";" + hidden + ";" + open;
			String publicCsv = exportOf(get("/evidence/incidents.csv").param("place", "Draft link place"));
			assertThat(petitionIdsCell(publicCsv)).isEqualTo(String.valueOf(open));
			String json = mvc.perform(get("/api/evidence/incidents/{id}", incident))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			// The open data API names no petitions at all.
			assertThat(json).doesNotContainIgnoringCase("petition");
			assertThat(petitionIdsCell(
					exportOf(get("/admin/evidence/incidents.csv").param("place", "Draft link place").with(RESEARCHER))))
				.isEqualTo(all);
			assertThat(petitionIdsCell(
					exportOf(get("/evidence/incidents.csv").param("place", "Draft link place").with(RESEARCHER))))
				.isEqualTo(all);
		}
		finally {
			jdbc.sql("delete from incident where id = ?").param(incident).update();
			jdbc.sql("delete from petition where id in (?, ?, ?)").params(draft, hidden, open).update();
		}
	}

	long petition(String title, String state) {
		return jdbc.sql("""
				insert into petition (title, background, demands, target, state, created_by, created_at)
				values (?, 'Background', '{A demand}', 'A target', ?, 'test', now()) returning id""")
			.params(title, state)
			.query(Long.class)
			.single();
	}

	String exportOf(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The petition_ids cell of the export's only incident row. */
	static String petitionIdsCell(String csv) throws Exception {
		List<CSVRecord> rows = CSVFormat.DEFAULT.builder()
			.setHeader()
			.get()
			.parse(new StringReader(csv.substring(1)))
			.getRecords();
		assertThat(rows).hasSize(1);
		return rows.getFirst().get("petition_ids");
	}

	@Test
	void textThatLooksLikeAFormulaIsExportedInert() throws Exception {
		long id = jdbc
			.sql("""
					insert into incident (kind, title, date_precision, date_from, date_to, place, place_precision,
					  departure_country, return_country, summary, state, created_by)
					values ('OTHER', '=HYPERLINK("http://evil")', 'YEAR', date '2015-01-01', date '2015-12-31', 'Formula place',
					  'COUNTRY', 'CN', 'KP', 'Summary', 'PUBLISHED', 'test') returning id""")
			.query(Long.class)
			.single();
		String csv = mvc.perform(get("/evidence/incidents.csv").param("place", "Formula place"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
		assertThat(csvImport.check(csv, Locale.ENGLISH).incidents().getFirst().content().title())
			.isEqualTo("=HYPERLINK(\"http://evil\")");
		jdbc.sql("delete from incident where id = :id").param("id", id).update();
	}

}
