package org.safepassage.system.security;

import java.util.List;

record StaffAccount(long id, String email, String displayName, String passwordHash, List<Role> roles,
		boolean mustChangePassword, boolean enabled) {
}
