package org.safepassage.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A source report's protected note is sealed at rest, absent from everything public, and
 * read only by admins and researchers through a reveal that the audit log records with
 * its reason, never with the note.
 */
@ExtendWith(OutputCaptureExtension.class)
class EvidenceProtectedNoteIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor RESEARCHER = user("note-researcher@example.org").roles("RESEARCHER");

	static final String MARK = "Sealnote-Qx7w";

	static final String NOTE = "Witness Ri " + MARK + ", reached through a cousin in Yanji";

	@Autowired
	MockMvc mvc;

	@Test
	void theNoteIsNowhereButBehindAnAuditedReveal(CapturedOutput output) throws Exception {
		long incident = publishedIncidentWithNote("Returned from Tumen, the sealed note case");
		long report = this.jdbc.sql("select id from source_report where incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single();

		for (String page : List.of("/evidence", "/evidence?q=Tumen", "/evidence/incidents/" + incident,
				"/evidence/incidents.csv", "/evidence/timeline", "/api/evidence/incidents",
				"/api/evidence/incidents/" + incident, "/api/evidence/incidents/" + incident + "/reports",
				"/api/evidence/timeline", "/alerts/feed/en.atom", "/admin/evidence/incidents/" + incident,
				"/admin/evidence/reports/" + report + "/edit")) {
			String body = this.mvc.perform(get(page).with(RESEARCHER)).andReturn().getResponse().getContentAsString();
			assertThat(body).as(page).doesNotContain(MARK);
		}
		assertThat(this.mvc.perform(get("/admin/evidence/reports/{id}/edit", report).with(RESEARCHER))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("A protected note is stored with this report.");
		assertThat(this.mvc.perform(get("/admin/evidence/incidents/{id}", incident).with(RESEARCHER))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Protected note stored");
		assertThat(columnsContaining("Handover at Tumen")).contains("source_report.title");
		assertThat(columnsContaining(MARK)).isEmpty();

		// Only admins and researchers reach evidence pages; a reason is required.
		for (String role : List.of("CAMPAIGNER", "CASEWORKER", "MODERATOR")) {
			this.mvc
				.perform(post("/admin/evidence/reports/{id}/protected-note/reveal", report)
					.with(user(role.toLowerCase() + "@example.org").roles(role))
					.with(csrf())
					.param("reason", "curious"))
				.andExpect(status().isForbidden());
		}
		String refused = this.mvc
			.perform(post("/admin/evidence/reports/{id}/protected-note/reveal", report).with(RESEARCHER)
				.with(csrf())
				.param("reason", "  "))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Please say why you need to read the protected note.").doesNotContain(MARK);
		assertThat(protectedReads(report)).isEmpty();

		String revealed = this.mvc
			.perform(post("/admin/evidence/reports/{id}/protected-note/reveal", report).with(RESEARCHER)
				.with(csrf())
				.param("reason", "Checking the source before the hearing"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(revealed).contains(NOTE.replace("'", "&#39;"));
		assertThat(protectedReads(report)).singleElement().satisfies(entry -> {
			assertThat(entry.get("actor")).isEqualTo("note-researcher@example.org");
			assertThat(entry.get("outcome")).isEqualTo("Checking the source before the hearing");
		});
		assertThat(columnsContaining(MARK)).isEmpty();

		// Admins see who looked at what, on a page of its own and in the CSV export.
		RequestPostProcessor admin = user("admin@example.org").roles("ADMIN");
		String reads = this.mvc.perform(get("/admin/audit/protected-reads").with(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(reads).contains("<td>report:" + report + "</td>", "<td>protected_note</td>",
				"Checking the source before the hearing", "note-researcher@example.org");
		assertThat(reads).doesNotContain(MARK);
		String csv = this.mvc.perform(get("/admin/audit.csv").param("action", "protected.read").with(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains("report:" + report + " field:protected_note")
			.contains("Checking the source before the hearing")
			.doesNotContain(MARK);
		this.mvc.perform(get("/admin/audit/protected-reads").with(RESEARCHER)).andExpect(status().isForbidden());
		assertThat(output.getAll()).doesNotContain(MARK);
	}

	@Test
	void replacingAndDeletingTheNoteDestroysWhatWasSealed() throws Exception {
		long incident = publishedIncidentWithNote("Detained in Dandong, the replaced note case");
		long report = this.jdbc.sql("select id from source_report where incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single();
		long dataKey = noteKey(report);

		update(report, "protectedNote", "Second witness " + MARK + "-2");
		assertThat(noteKey(report)).isEqualTo(dataKey);
		assertThat(reveal(report)).contains(MARK + "-2");

		// an edit that leaves the note empty keeps it
		update(report, "protectedNote", "");
		assertThat(reveal(report)).contains(MARK + "-2");

		update(report, "removeProtectedNote", "true");
		assertThat(this.jdbc
			.sql("select protected_note is null and protected_note_key is null from source_report" + " where id = ?")
			.param(report)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from sealing_data_key where id = ?")
			.param(dataKey)
			.query(Long.class)
			.single()).isZero();

		update(report, "protectedNote", "Third " + MARK);
		long third = noteKey(report);
		this.mvc.perform(post("/admin/evidence/reports/{id}/delete", report).with(RESEARCHER).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select count(*) from sealing_data_key where id = ?")
			.param(third)
			.query(Long.class)
			.single()).isZero();
	}

	private long publishedIncidentWithNote(String title) throws Exception {
		String location = this.mvc
			.perform(post("/admin/evidence/incidents").with(RESEARCHER)
				.with(csrf())
				.param("kind", "FORCED_REPATRIATION")
				.param("title", title)
				.param("datePrecision", "MONTH")
				.param("date", "2024-04")
				.param("place", "Tumen")
				.param("placePrecision", "CITY")
				.param("departureCountry", "CN")
				.param("returnCountry", "KP")
				.param("summary", "A group handed over at the border.")
				.param("tags", "return"))
			.andExpect(redirectedUrlPattern("/admin/evidence/incidents/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		this.mvc
			.perform(post("/admin/evidence/incidents/{id}/reports", id).with(RESEARCHER)
				.with(csrf())
				.param("organisation", "Border Watch")
				.param("title", "Handover at Tumen")
				.param("figure", "many families")
				.param("reliability", "RELIABLE")
				.param("protectedNote", NOTE))
			.andExpect(redirectedUrlPattern("/admin/evidence/incidents/*"));
		this.mvc.perform(post("/admin/evidence/incidents/{id}/publish", id).with(RESEARCHER).with(csrf()));
		return id;
	}

	private void update(long report, String name, String value) throws Exception {
		this.mvc
			.perform(post("/admin/evidence/reports/{id}", report).with(RESEARCHER)
				.with(csrf())
				.param("organisation", "Border Watch")
				.param("title", "Handover")
				.param("figure", "many families")
				.param("reliability", "RELIABLE")
				.param(name, value))
			.andExpect(redirectedUrlPattern("/admin/evidence/incidents/*"));
	}

	private String reveal(long report) throws Exception {
		return this.mvc
			.perform(post("/admin/evidence/reports/{id}/protected-note/reveal", report).with(RESEARCHER)
				.with(csrf())
				.param("reason", "Checking the edit"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long noteKey(long report) {
		return this.jdbc.sql("select protected_note_key from source_report where id = ?")
			.param(report)
			.query(Long.class)
			.single();
	}

	private List<Map<String, Object>> protectedReads(long report) {
		return this.jdbc.sql("select actor, outcome from staff_audit where action = 'protected.read' and record = ?")
			.param("report:" + report + " field:protected_note")
			.query()
			.listOfRows();
	}

	/**
	 * Every column of every table that holds {@code text}, as text or as the bytes of a
	 * bytea: what a plain pg_dump would show.
	 */
	private List<String> columnsContaining(String text) {
		List<Map<String, Object>> columns = this.jdbc.sql("""
				select c.table_schema, c.table_name, c.column_name, c.data_type
				from information_schema.columns c join information_schema.tables t
				  on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
				where c.table_schema not in ('pg_catalog', 'information_schema')""").query().listOfRows();
		return columns.stream().filter(column -> {
			String name = "\"" + column.get("table_schema") + "\".\"" + column.get("table_name") + "\"";
			String col = "\"" + column.get("column_name") + "\"";
			String condition = "bytea".equals(column.get("data_type"))
					? "position(convert_to(:text, 'UTF8') in " + col + ") > 0"
					: "strpos(lower(" + col + "::text), lower(:text)) > 0";
			return this.jdbc.sql("select count(*) from " + name + " where " + condition)
				.param("text", text)
				.query(Long.class)
				.single() > 0;
		}).map(column -> column.get("table_name") + "." + column.get("column_name")).toList();
	}

}
