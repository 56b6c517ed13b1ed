package org.safepassage.system.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.safepassage.system.database.EmbeddedDatabaseSupervisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Standing problems of the installation, shown on every admin page (the layout shows them
 * to admins only): a disk running out of room, a mail server that does not answer, a
 * database restarted in the last day. Nobody watches logs at a small charity.
 */
@ControllerAdvice(annotations = Controller.class)
class AdminWarnings {

	private static final Duration RECENT_RESTART = Duration.ofDays(1);

	private final DiskSpace disk;

	private final MailServerProbe mailServer;

	private final MailFigures mail;

	private final Optional<EmbeddedDatabaseSupervisor> database;

	private final MessageSource messages;

	private final Clock clock;

	AdminWarnings(DiskSpace disk, MailServerProbe mailServer, MailFigures mail,
			ObjectProvider<EmbeddedDatabaseSupervisor> database, MessageSource messages, Clock clock) {
		this.disk = disk;
		this.mailServer = mailServer;
		this.mail = mail;
		this.database = Optional.ofNullable(database.getIfAvailable());
		this.messages = messages;
		this.clock = clock;
	}

	@ModelAttribute("operationsWarnings")
	List<String> operationsWarnings(HttpServletRequest request, Locale locale) {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/admin")) {
			return List.of();
		}
		List<String> warnings = new ArrayList<>();
		disk.read()
			.filter(DiskSpace.Reading::low)
			.ifPresent(r -> warnings.add(messages.getMessage("operations.diskLow",
					new Object[] { r.freeBytes() >> 20, Math.round(r.freePercent()) }, locale)));
		mailServer.last()
			.filter(result -> !result.reachable())
			.ifPresent(result -> warnings.add(messages.getMessage("operations.mailServerDown",
					new Object[] { mail.current().queueDepth() }, locale)));
		database.filter(db -> db.state() != EmbeddedDatabaseSupervisor.State.RUNNING)
			.ifPresent(db -> warnings.add(messages.getMessage("operations.databaseRestarting", null, locale)));
		database.flatMap(EmbeddedDatabaseSupervisor::lastRestart)
			.filter(at -> at.plus(RECENT_RESTART).isAfter(clock.instant()))
			.ifPresent(at -> warnings.add(messages.getMessage("operations.databaseRestarted",
					new Object[] { database.get().restarts(), at.toString() }, locale)));
		return warnings;
	}

}
