package org.safepassage.system.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Staff accounts. Every change that alters what an account may do (disabling it, a new
 * password, new roles) ends all its sessions at once and is recorded in the audit log.
 */
@Service
public class StaffAccounts implements UserDetailsService, UserDetailsPasswordService {

	static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final StaffSessions sessions;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	StaffAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, StaffSessions sessions, SignInThrottle throttle,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		StaffAccount account = find(email).orElseThrow(() -> new UsernameNotFoundException("No such staff account"));
		var authorities = new ArrayList<SimpleGrantedAuthority>();
		account.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		if (account.mustChangePassword()) {
			authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
		}
		return User.withUsername(account.email())
			.password(account.passwordHash())
			.authorities(authorities)
			.disabled(!account.enabled())
			.build();
	}

	/** A hash in an older encoding (bcrypt), rewritten at a successful sign-in. */
	@Override
	public UserDetails updatePassword(UserDetails user, String newHash) {
		jdbc.sql(StaffQueries.UPGRADE_HASH).param("email", user.getUsername()).param("hash", newHash).update();
		return User.withUserDetails(user).password(newHash).build();
	}

	Optional<StaffAccount> find(String email) {
		return jdbc.sql(StaffQueries.FIND_BY_EMAIL).param("email", email).query(StaffAccounts::map).optional();
	}

	StaffAccount get(long id) {
		return jdbc.sql(StaffQueries.FIND_BY_ID)
			.param("id", id)
			.query(StaffAccounts::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("No staff account " + id));
	}

	List<StaffAccount> all() {
		return jdbc.sql(StaffQueries.LIST).query(StaffAccounts::map).list();
	}

	boolean isEmpty() {
		return jdbc.sql(StaffQueries.COUNT).query(Long.class).single() == 0;
	}

	boolean passwordMatches(StaffAccount account, String rawPassword) {
		return passwordEncoder.matches(rawPassword, account.passwordHash());
	}

	/**
	 * @param actor the admin who adds the account; {@code null} for the first admin
	 * @return false when an account with this email already exists
	 */
	boolean create(String email, String name, String rawPassword, List<Role> roles, boolean mustChangePassword,
			String actor) {
		boolean created = jdbc.sql(StaffQueries.INSERT)
			.param("email", email.trim())
			.param("name", name)
			.param("hash", passwordEncoder.encode(rawPassword))
			.param("roles", roleNames(roles))
			.param("mustChange", mustChangePassword)
			.update() == 1;
		if (created) {
			audit.record(actor, "staff.created", email.trim() + " " + roles, "ok", null);
		}
		return created;
	}

	/** The holder's own new password; every session of the account ends. */
	void changePassword(String email, String rawPassword) {
		jdbc.sql(StaffQueries.CHANGE_PASSWORD)
			.param("email", email)
			.param("hash", passwordEncoder.encode(rawPassword))
			.update();
		sessions.endAll(email);
		audit.record(email, "password.changed", email, "ok", null);
	}

	void setEnabled(long id, boolean enabled, String actor) {
		StaffAccount account = get(id);
		if (!enabled) {
			requireAnotherAdmin(account);
		}
		jdbc.sql(StaffQueries.SET_ENABLED).param("id", id).param("enabled", enabled).update();
		sessions.endAll(account.email());
		audit.record(actor, enabled ? "staff.enabled" : "staff.disabled", account.email(), "ok", null);
	}

	void setRoles(long id, List<Role> roles, String actor) {
		StaffAccount account = get(id);
		if (!roles.contains(Role.ADMIN)) {
			requireAnotherAdmin(account);
		}
		jdbc.sql(StaffQueries.SET_ROLES).param("id", id).param("roles", roleNames(roles)).update();
		sessions.endAll(account.email());
		audit.record(actor, "staff.roles", account.email() + " " + roles, "ok", null);
	}

	/**
	 * A new one-time password, to be changed at the next sign-in; every session of the
	 * account ends.
	 * @return the one-time password, to be shown once
	 */
	String resetPassword(long id, String actor) {
		StaffAccount account = get(id);
		String password = PasswordRules.oneTimePassword();
		jdbc.sql(StaffQueries.RESET_PASSWORD).param("id", id).param("hash", passwordEncoder.encode(password)).update();
		sessions.endAll(account.email());
		audit.record(actor, "staff.password-reset", account.email(), "ok", null);
		return password;
	}

	/**
	 * Lets the account sign in again from anywhere at once (see {@link SignInThrottle}).
	 */
	void liftSignInLimit(long id, String actor) {
		StaffAccount account = get(id);
		throttle.lift(account.email());
		audit.record(actor, "staff.sign-in-limit-lifted", account.email(), "ok", null);
	}

	boolean signInLimited(StaffAccount account) {
		return throttle.accountLimited(account.email());
	}

	private void requireAnotherAdmin(StaffAccount account) {
		if (account.enabled() && account.roles().contains(Role.ADMIN)) {
			long others = jdbc.sql(StaffQueries.OTHER_ENABLED_ADMINS)
				.param("id", account.id())
				.query(Long.class)
				.single();
			RuleViolation.require(others > 0, "security.staff.lastAdmin");
		}
	}

	private static String[] roleNames(List<Role> roles) {
		return roles.stream().map(Role::name).toArray(String[]::new);
	}

	private static StaffAccount map(ResultSet rs, int row) throws SQLException {
		Array roles = rs.getArray("roles");
		List<Role> roleList = Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).toList();
		return new StaffAccount(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
				rs.getString("password_hash"), roleList, rs.getBoolean("must_change_password"),
				rs.getBoolean("enabled"));
	}

}
