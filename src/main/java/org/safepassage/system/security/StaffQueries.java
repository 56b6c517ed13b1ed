package org.safepassage.system.security;

public final class StaffQueries {

	static final String COUNT = "select count(*) from staff_account";

	static final String FIND_BY_EMAIL = """
			select id, email, display_name, password_hash, roles, must_change_password, enabled
			from staff_account where lower(email) = lower(:email)""";

	static final String FIND_BY_ID = """
			select id, email, display_name, password_hash, roles, must_change_password, enabled
			from staff_account where id = :id""";

	static final String INSERT = """
			insert into staff_account (email, display_name, password_hash, roles, must_change_password)
			values (:email, :name, :hash, :roles, :mustChange)
			on conflict do nothing""";

	static final String CHANGE_PASSWORD = """
			update staff_account set password_hash = :hash, must_change_password = false
			where lower(email) = lower(:email)""";

	/**
	 * A new encoding of the same password: whether it must be changed stays as it was.
	 */
	static final String UPGRADE_HASH = "update staff_account set password_hash = :hash where lower(email) = lower(:email)";

	static final String RESET_PASSWORD = """
			update staff_account set password_hash = :hash, must_change_password = true where id = :id""";

	static final String LIST = """
			select id, email, display_name, password_hash, roles, must_change_password, enabled
			from staff_account order by lower(email)""";

	static final String SET_ENABLED = "update staff_account set enabled = :enabled where id = :id";

	static final String SET_ROLES = "update staff_account set roles = :roles where id = :id";

	/** Enabled admins other than the given account: one must always remain. */
	static final String OTHER_ENABLED_ADMINS = """
			select count(*) from staff_account where enabled and 'ADMIN' = any(roles) and id <> :id""";

	static final String SIGN_IN_STATE = """
			select
			  (select count(*) from sign_in_failure where address = :address and failed_at > :since) as address_failures,
			  (select max(failed_at) from sign_in_failure where address = :address and failed_at > :since) as address_last,
			  (select count(*) from sign_in_failure where account_key = :account and failed_at > :since) as account_failures,
			  (select max(failed_at) from sign_in_failure where account_key = :account and failed_at > :since) as account_last,
			  exists (select 1 from sign_in_known_address
			          where account_key = :account and address = :address and last_success_at > :knownSince) as known""";

	static final String SIGN_IN_ACCOUNT_STATE = """
			select count(*) as failures, max(failed_at) as last
			from sign_in_failure where account_key = :account and failed_at > :since""";

	static final String SIGN_IN_FAILED = """
			insert into sign_in_failure (account_key, address, failed_at) values (:account, :address, :at)""";

	static final String SIGN_IN_FORGIVE = "delete from sign_in_failure where account_key = :account and address = :address";

	static final String SIGN_IN_KNOWN_ADDRESS = """
			insert into sign_in_known_address (account_key, address, last_success_at) values (:account, :address, :at)
			on conflict (account_key, address) do update set last_success_at = excluded.last_success_at""";

	static final String SIGN_IN_LIFT = "delete from sign_in_failure where account_key = :account";

	static final String SIGN_IN_FORGET_FAILURES = "delete from sign_in_failure where failed_at < :before";

	static final String SIGN_IN_FORGET_ADDRESSES = "delete from sign_in_known_address where last_success_at < :before";

	public static final String SECOND_FACTOR_REQUIRED = "select second_factor_required from security_setting";

	public static final String SET_SECOND_FACTOR_REQUIRED = "update security_setting set second_factor_required = :required";

	private StaffQueries() {
	}

}
