package org.safepassage.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.safepassage.cases.CaseFixtures.ADMIN;
import static org.safepassage.cases.CaseFixtures.CAMPAIGNER;
import static org.safepassage.cases.CaseFixtures.CASEWORKER;
import static org.safepassage.cases.CaseFixtures.MODERATOR;
import static org.safepassage.cases.CaseFixtures.RESEARCHER;
import static org.safepassage.cases.CaseFixtures.SECOND_CASEWORKER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.cases.domain.CaseField;
import org.safepassage.cases.store.CaseFiles;
import org.safepassage.cases.store.ProtectedFields;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Caseworkers open protected fields with a reason, recorded in the audit without the
 * value; other staff cannot open them at all; exports need a second person.
 */
class CaseRevealIntegrationTest extends IntegrationTest {

	static final String REAL_NAME = "Vellimora Traskenhoff";

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFiles files;

	@Autowired
	ProtectedFields fields;

	@Test
	void aRevealShowsTheFieldAndRecordsWhoWhenWhichAndWhyButNotTheValue() throws Exception {
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Mr V.", REAL_NAME));
		this.mvc.perform(get("/admin/cases/{id}", id).with(CASEWORKER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("(sealed)")))
			.andExpect(content().string(not(containsString(REAL_NAME))));

		// A reveal without a reason is refused, on the field, and shows nothing.
		this.mvc
			.perform(post("/admin/cases/{id}/reveal", id).with(CASEWORKER)
				.with(csrf())
				.param("fields", "REAL_NAME")
				.param("reason", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please give a reason")))
			.andExpect(content().string(not(containsString(REAL_NAME))));

		String reason = "Calling her lawyer about the hearing on Monday";
		this.mvc
			.perform(post("/admin/cases/{id}/reveal", id).with(CASEWORKER)
				.with(csrf())
				.param("fields", "REAL_NAME", "BIRTH_DATE")
				.param("reason", reason))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(containsString(REAL_NAME)))
			.andExpect(content().string(containsString("1999-02-03")));

		List<Map<String, Object>> reads = this.jdbc
			.sql("select actor, action, record, outcome from staff_audit where action = 'protected.read' "
					+ "and record like :record order by id")
			.param("record", "case:" + id + " %")
			.query()
			.listOfRows();
		assertThat(reads).hasSize(2);
		assertThat(reads.getFirst()).containsEntry("actor", "caseworker@example.org")
			.containsEntry("record", "case:" + id + " field:real_name")
			.containsEntry("outcome", reason);
		assertThat(reads.get(1)).containsEntry("record", "case:" + id + " field:birth_date");
		String audit = String.join("\n",
				this.jdbc.sql("select concat_ws(' ', actor, action, record, outcome) from staff_audit")
					.query(String.class)
					.list());
		assertThat(audit).doesNotContain(REAL_NAME).doesNotContain("1999-02-03");
	}

	@Test
	void otherStaffCannotReadProtectedFieldsAnywhere() throws Exception {
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms W.", REAL_NAME));
		this.mvc.perform(multipart("/admin/cases/{id}/attachments", id)
			.file(new MockMultipartFile("file", "scan.txt", "text/plain", "a scan".getBytes(StandardCharsets.UTF_8)))
			.with(CASEWORKER)
			.with(csrf()));
		long attachment = this.jdbc.sql("select id from case_attachment where case_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		long export = requestExport(id);
		for (RequestPostProcessor other : List.of(CAMPAIGNER, RESEARCHER, MODERATOR)) {
			this.mvc.perform(get("/admin/cases").with(other)).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/cases/{id}", id).with(other)).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/cases/{id}/protected", id).with(other)).andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/cases/{id}/reveal", id).with(other)
					.with(csrf())
					.param("fields", "REAL_NAME")
					.param("reason", "I would like to know who this is"))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/cases/{id}/attachments/{a}/open", id, attachment).with(other)
					.with(csrf())
					.param("reason", "I would like to see this document"))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/cases/{id}/exports/{e}/download", id, export).with(other)
					.with(csrf())
					.accept("application/json"))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/admin/cases/{id}", id)).andExpect(status().is3xxRedirection());

		// Behind the web rules, the service refuses too.
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("campaigner@example.org", "x", "ROLE_CAMPAIGNER"));
		try {
			assertThatThrownBy(() -> this.fields.reveal(this.files.find(id), CaseField.REAL_NAME,
					"trying the service directly", "campaigner@example.org", "127.0.0.1"))
				.isInstanceOf(AccessDeniedException.class);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(this.jdbc
			.sql("select count(*) from staff_audit where action = 'protected.read' and actor in "
					+ "('campaigner@example.org', 'researcher@example.org', 'moderator@example.org')")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anExportNeedsASecondPersonAndIsDownloadedOnceByWhoeverAskedWithinTheWindow() throws Exception {
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms X.", REAL_NAME));
		long export = requestExport(id);

		this.mvc.perform(download(id, export, CASEWORKER))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("ruleError", "cases.export.notApproved"));
		this.mvc.perform(post("/admin/cases/{id}/exports/{e}/approve", id, export).with(CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("ruleError", "cases.export.secondPerson"));
		this.mvc.perform(post("/admin/cases/{id}/exports/{e}/approve", id, export).with(SECOND_CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("done", true));
		this.mvc.perform(download(id, export, SECOND_CASEWORKER))
			.andExpect(flash().attribute("ruleError", "cases.export.onlyRequester"));

		this.mvc.perform(download(id, export, CASEWORKER))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(content().string(containsString(REAL_NAME)))
			.andExpect(content().string(containsString("Mother of " + REAL_NAME)));
		this.mvc.perform(download(id, export, CASEWORKER))
			.andExpect(flash().attribute("ruleError", "cases.export.alreadyDownloaded"));

		long late = requestExport(id);
		this.mvc.perform(post("/admin/cases/{id}/exports/{e}/approve", id, late).with(ADMIN).with(csrf()));
		this.clock.advance(Duration.ofHours(25));
		this.mvc.perform(download(id, late, CASEWORKER))
			.andExpect(flash().attribute("ruleError", "cases.export.expired"));

		List<String> steps = this.jdbc
			.sql("select action || ' ' || record || ' ' || actor from staff_audit "
					+ "where action like 'protected.export.%' and record like :record order by id")
			.param("record", "case:" + id + " %")
			.query(String.class)
			.list();
		assertThat(steps).containsExactly(
				"protected.export.requested case:" + id + " export:" + export + " caseworker@example.org",
				"protected.export.approved case:" + id + " export:" + export + " second.caseworker@example.org",
				"protected.export.downloaded case:" + id + " export:" + export + " caseworker@example.org",
				"protected.export.requested case:" + id + " export:" + late + " caseworker@example.org",
				"protected.export.approved case:" + id + " export:" + late + " admin@example.org");
	}

	@Test
	void attachmentsAreSealedBoundedAndOpenedOnlyWithAReason() throws Exception {
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms A.", REAL_NAME));
		byte[] photo = "not really a photo of the passport".getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(multipart("/admin/cases/{id}/attachments", id)
				.file(new MockMultipartFile("file", "passport.jpg", "image/jpeg", photo))
				.with(CASEWORKER)
				.with(csrf()))
			.andExpect(flash().attribute("done", true));
		this.mvc
			.perform(multipart("/admin/cases/{id}/attachments", id)
				.file(new MockMultipartFile("file", "huge.bin", "application/octet-stream", new byte[9 * 1024 * 1024]))
				.with(CASEWORKER)
				.with(csrf()))
			.andExpect(flash().attribute("ruleError", "cases.attachment.tooLarge"));
		Map<String, Object> stored = this.jdbc
			.sql("select id, size, sealed_bytes from case_attachment where case_id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat((byte[]) stored.get("sealed_bytes")).isNotEqualTo(photo);
		assertThat(new String((byte[]) stored.get("sealed_bytes"), StandardCharsets.ISO_8859_1))
			.doesNotContain("passport");
		long attachment = ((Number) stored.get("id")).longValue();

		this.mvc
			.perform(post("/admin/cases/{id}/attachments/{a}/open", id, attachment).with(CASEWORKER)
				.with(csrf())
				.param("reason", ""))
			.andExpect(status().isBadRequest());
		byte[] opened = this.mvc
			.perform(post("/admin/cases/{id}/attachments/{a}/open", id, attachment).with(CASEWORKER)
				.with(csrf())
				.param("reason", "Sending the passport copy to the embassy"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("passport.jpg")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(opened).isEqualTo(photo);
		assertThat(this.jdbc.sql("select outcome from staff_audit where action = 'protected.read' and record = ?")
			.param("case:" + id + " field:attachment:" + attachment)
			.query(String.class)
			.list()).containsExactly("Sending the passport copy to the embassy");
	}

	private long requestExport(long id) throws Exception {
		this.mvc
			.perform(post("/admin/cases/{id}/exports", id).with(CASEWORKER)
				.with(csrf())
				.param("reason", "The lawyer needs the case file for the appeal"))
			.andExpect(status().is3xxRedirection());
		return this.jdbc.sql("select max(id) from case_export where case_id = ?").param(id).query(Long.class).single();
	}

	private static RequestBuilder download(long id, long export, RequestPostProcessor who) {
		return post("/admin/cases/{id}/exports/{e}/download", id, export).with(who).with(csrf());
	}

}
