package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;

class FirstAdminIntegrationTest extends IntegrationTest {

	@Test
	void theFirstAdminIsCreatedFromTheEnvironmentWithAStrongHash() {
		var row = jdbc.sql("select password_hash, roles::text, must_change_password from staff_account where email = ?")
			.param("admin@example.org")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		assertThat(row[0]).startsWith("{pbkdf2@SpringSecurity_v5_8}").doesNotContain("correct horse battery");
		assertThat(row[1]).isEqualTo("{ADMIN}");
		assertThat(row[2]).isEqualTo("f");
	}

	@Test
	void theDemoCampaignIsLoadedOnFirstStart() {
		assertThat(jdbc.sql("select count(*) from petition where state = 'OPEN' and signature_goal = 50000")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theEmbeddedDatabaseIsDurable() {
		assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("select current_setting('server_version_num')::int / 10000").query(Integer.class).single())
			.isEqualTo(18);
	}

}
