package org.safepassage.system.security;

final class StaffQueries {

	static final String COUNT = "select count(*) from staff_account";

	static final String FIND_BY_EMAIL = """
			select id, email, display_name, password_hash, roles, must_change_password, enabled
			from staff_account where lower(email) = lower(:email)""";

	static final String INSERT = """
			insert into staff_account (email, display_name, password_hash, roles, must_change_password)
			values (:email, :name, :hash, :roles, :mustChange)
			on conflict do nothing""";

	static final String CHANGE_PASSWORD = """
			update staff_account set password_hash = :hash, must_change_password = false
			where lower(email) = lower(:email)""";

	static final String LIST = """
			select id, email, display_name, password_hash, roles, must_change_password, enabled
			from staff_account order by lower(email)""";

	static final String SET_ENABLED = "update staff_account set enabled = :enabled where id = :id";

	private StaffQueries() {
	}

}
