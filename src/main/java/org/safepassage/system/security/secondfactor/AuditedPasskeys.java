package org.safepassage.system.security.secondfactor;

import java.util.List;

import org.safepassage.system.audit.AuditLog;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Spring's passkey store, with a new passkey and a removed one recorded in the audit log
 * (a passkey is a way into the account). Saving a known passkey is a sign-in updating its
 * counter, and is not recorded.
 */
class AuditedPasskeys implements UserCredentialRepository {

	private final UserCredentialRepository passkeys;

	private final PublicKeyCredentialUserEntityRepository users;

	private final AuditLog audit;

	AuditedPasskeys(UserCredentialRepository passkeys, PublicKeyCredentialUserEntityRepository users, AuditLog audit) {
		this.passkeys = passkeys;
		this.users = users;
		this.audit = audit;
	}

	@Override
	public void save(CredentialRecord passkey) {
		boolean added = passkeys.findByCredentialId(passkey.getCredentialId()) == null;
		passkeys.save(passkey);
		if (added) {
			audit.record(owner(passkey), "passkey.added", passkey.getLabel(), "ok", null);
		}
	}

	@Override
	public void delete(Bytes credentialId) {
		CredentialRecord passkey = passkeys.findByCredentialId(credentialId);
		passkeys.delete(credentialId);
		if (passkey != null) {
			audit.record(owner(passkey), "passkey.removed", passkey.getLabel(), "ok", null);
		}
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return passkeys.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return passkeys.findByUserId(userId);
	}

	private String owner(CredentialRecord passkey) {
		PublicKeyCredentialUserEntity user = users.findById(passkey.getUserEntityUserId());
		return (user != null) ? user.getName() : null;
	}

}
