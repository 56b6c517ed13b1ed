package org.safepassage.system.sealing;

import org.safepassage.system.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * The audit of reading a protected value: who, when, which record, which field and why,
 * never the value. Every module that reveals a sealed field records it here first, in one
 * form, so admins see all protected reads in one view of the audit log: action
 * {@value #ACTION}, record {@code "case:12 field:real_name"}, outcome the reason (at most
 * 500 characters).
 */
@Component
public class ProtectedReads {

	/** The audit action of every protected read. */
	public static final String ACTION = AuditLog.PROTECTED_READ;

	private final AuditLog audit;

	ProtectedReads(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * Records a read before the value is opened.
	 * @param actor the staff member's email
	 * @param record the record, as {@code kind:id} (e.g. {@code report:7})
	 * @param field the protected field's name (e.g. {@code protected_note})
	 * @param reason why the value is needed, as the staff member gave it
	 * @param address the client address
	 */
	public void record(String actor, String record, String field, String reason, String address) {
		this.audit.record(actor, ACTION, record + " field:" + field, reason.strip(), address);
	}

}
