package org.safepassage.system.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every staff action is recorded (who, when, what, which record, outcome), never a body;
 * the log cannot be changed, and admins read, filter and export it.
 */
class AuditLogIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor ADMIN = user("admin@example.org").roles("ADMIN");

	@Autowired
	MockMvc mvc;

	@Test
	void staffActionsAreRecordedAsTheirRouteAndRecordWithoutTheBody() throws Exception {
		var moderator = user("auditing-moderator@example.org").roles("MODERATOR");
		mvc.perform(post("/admin/petitions/{id}/reject", 987654321L).with(moderator)
			.with(csrf())
			.param("reason", "a secret reason that must not be kept"));

		var row = jdbc.sql("""
				select action, record, outcome, address from staff_audit
				where actor = 'auditing-moderator@example.org'""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.single();
		assertThat(row[0]).isEqualTo("POST /admin/petitions/{id}/reject");
		assertThat(row[1]).isEqualTo("id=987654321");
		assertThat(row[2]).isEqualTo("404");
		assertThat(row[3]).isEqualTo("127.0.0.1");
		assertThat(jdbc
			.sql("select count(*) from staff_audit where concat_ws(' ', actor, action, record, outcome) "
					+ "like '%secret reason%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void accountChangesAndSignOutsAreRecorded() throws Exception {
		long id = jdbc.sql("""
				insert into staff_account (email, display_name, password_hash, roles)
				values ('audited-change@example.org', 'A', '{bcrypt}x', '{RESEARCHER}') returning id""")
			.query(Long.class)
			.single();
		mvc.perform(post("/admin/staff/{id}/roles", id).with(ADMIN).with(csrf()).param("roles", "CAMPAIGNER"));
		mvc.perform(post("/admin/staff/{id}/enabled", id).with(ADMIN).with(csrf()).param("enabled", "false"));
		mvc.perform(post("/logout").with(user("leaving@example.org").roles("CAMPAIGNER")).with(csrf()));

		assertThat(jdbc.sql("""
				select action from staff_audit where actor = 'admin@example.org'
				and record like 'audited-change@example.org%' order by id""").query(String.class).list())
			.containsExactly("staff.roles", "staff.disabled");
		assertThat(jdbc
			.sql("select record from staff_audit where action = 'staff.roles' and actor = 'admin@example.org'"
					+ " and record like 'audited-change@example.org%'")
			.query(String.class)
			.single()).isEqualTo("audited-change@example.org [CAMPAIGNER]");
		assertThat(jdbc.sql("select action from staff_audit where actor = 'leaving@example.org'")
			.query(String.class)
			.list()).containsExactly("sign-out");
	}

	@Test
	void theLogRefusesChangesAndRemovals() {
		var audit = new AuditLog(jdbc, clock);
		audit.record("someone@example.org", "test.append-only", null, "ok", null);
		assertThatThrownBy(
				() -> jdbc.sql("update staff_audit set actor = 'nobody' where action = 'test.append-only'").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from staff_audit where action = 'test.append-only'").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate staff_audit").update()).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThat(
				jdbc.sql("select actor from staff_audit where action = 'test.append-only'").query(String.class).list())
			.containsExactly("someone@example.org");
	}

	@Test
	void adminsFilterByPersonActionAndDaysAndExportCsvSafeForSpreadsheets() throws Exception {
		var audit = new AuditLog(jdbc, clock);
		clock.set(Instant.parse("2030-05-10T09:00:00Z"));
		audit.record("filter-one@example.org", "staff.roles", "x@example.org [ADMIN]", "ok", "198.51.100.60");
		clock.set(Instant.parse("2030-05-12T09:00:00Z"));
		audit.record("filter-one@example.org", "POST /admin/alerts/{id}/schedule", "id=7", "302", "198.51.100.60");
		audit.record("=HYPERLINK(\"http://evil.example\")@example.org", "sign-in.failed", null, "Bad", "203.0.113.60");
		clock.set(Instant.parse("2030-05-20T12:00:00Z"));

		mvc.perform(get("/admin/audit").with(ADMIN).param("person", "filter-one"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("POST /admin/alerts/{id}/schedule")))
			.andExpect(content().string(Matchers.containsString("x@example.org [ADMIN]")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("HYPERLINK"))));
		mvc.perform(get("/admin/audit").with(ADMIN).param("person", "filter-one").param("action", "roles"))
			.andExpect(content().string(Matchers.containsString("x@example.org [ADMIN]")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("/schedule"))));
		mvc.perform(get("/admin/audit").with(ADMIN)
			.param("person", "filter-one")
			.param("from", "2030-05-11")
			.param("to", "2030-05-12"))
			.andExpect(content().string(Matchers.containsString("/schedule")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("x@example.org [ADMIN]"))));
		mvc.perform(get("/admin/audit").with(ADMIN).param("from", "2030-05-12").param("to", "2030-05-11"))
			.andExpect(content().string(Matchers.containsString("Please choose a day on or after the first one.")));

		String csv = mvc
			.perform(get("/admin/audit.csv").with(ADMIN).param("from", "2030-05-12").param("to", "2030-05-12"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains("id,at,actor,action,record,outcome,address")
			.contains("filter-one@example.org,POST /admin/alerts/{id}/schedule,id=7,302,198.51.100.60")
			.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")@example.org\"")
			.doesNotContain("x@example.org [ADMIN]");
		assertThat(jdbc.sql("select count(*) from staff_audit where action = 'GET /admin/audit.csv'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void onlyAdminsReadTheLog() throws Exception {
		mvc.perform(get("/admin/audit").with(user("m@example.org").roles("MODERATOR")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/audit.csv").with(user("m@example.org").roles("MODERATOR")))
			.andExpect(status().isForbidden());
	}

}
