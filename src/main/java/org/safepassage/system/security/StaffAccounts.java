package org.safepassage.system.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class StaffAccounts implements UserDetailsService {

	static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	StaffAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
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

	Optional<StaffAccount> find(String email) {
		return jdbc.sql(StaffQueries.FIND_BY_EMAIL).param("email", email).query(StaffAccounts::map).optional();
	}

	List<StaffAccount> all() {
		return jdbc.sql(StaffQueries.LIST).query(StaffAccounts::map).list();
	}

	boolean isEmpty() {
		return jdbc.sql(StaffQueries.COUNT).query(Long.class).single() == 0;
	}

	/**
	 * @return false when an account with this email already exists
	 */
	boolean create(String email, String name, String rawPassword, List<Role> roles, boolean mustChangePassword) {
		String[] roleNames = roles.stream().map(Role::name).toArray(String[]::new);
		return jdbc.sql(StaffQueries.INSERT)
			.param("email", email.trim())
			.param("name", name)
			.param("hash", passwordEncoder.encode(rawPassword))
			.param("roles", roleNames)
			.param("mustChange", mustChangePassword)
			.update() == 1;
	}

	void changePassword(String email, String rawPassword) {
		jdbc.sql(StaffQueries.CHANGE_PASSWORD)
			.param("email", email)
			.param("hash", passwordEncoder.encode(rawPassword))
			.update();
	}

	void setEnabled(long id, boolean enabled) {
		jdbc.sql(StaffQueries.SET_ENABLED).param("id", id).param("enabled", enabled).update();
	}

	private static StaffAccount map(ResultSet rs, int row) throws SQLException {
		Array roles = rs.getArray("roles");
		List<Role> roleList = Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).toList();
		return new StaffAccount(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
				rs.getString("password_hash"), roleList, rs.getBoolean("must_change_password"),
				rs.getBoolean("enabled"));
	}

}
