package org.safepassage.system.mail.sending;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * At most {@code size} SMTP connections to one server, kept open across rounds: a
 * connection is borrowed for one batch and given back, closed when it fails, and closed
 * when it has been idle for {@code idleClose}.
 */
final class SmtpPool implements AutoCloseable {

	private record Idle(Transport transport, long since) {
	}

	/** A borrowed connection; {@code reused} when it was open before this batch. */
	record Connection(Transport transport, boolean reused) {
	}

	private final JavaMailSenderImpl server;

	private final Semaphore permits;

	private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();

	private final long idleCloseNanos;

	SmtpPool(JavaMailSenderImpl server, int size, Duration idleClose) {
		this.server = server;
		this.permits = new Semaphore(Math.max(1, size), true);
		this.idleCloseNanos = idleClose.toNanos();
	}

	Session session() {
		return server.getSession();
	}

	JavaMailSenderImpl server() {
		return server;
	}

	/** Waits for a free connection: the most recently used one, or a new one. */
	Connection borrow() throws MessagingException {
		permits.acquireUninterruptibly();
		Idle recent = idle.pollFirst();
		if (recent != null) {
			return new Connection(recent.transport(), true);
		}
		try {
			return new Connection(connect(), false);
		}
		catch (MessagingException | RuntimeException e) {
			permits.release();
			throw e;
		}
	}

	/** A new connection in place of one that failed; the permit stays taken. */
	Connection replace(Connection failed) throws MessagingException {
		close(failed.transport());
		try {
			return new Connection(connect(), false);
		}
		catch (MessagingException | RuntimeException e) {
			permits.release();
			throw e;
		}
	}

	void giveBack(Connection connection) {
		idle.addFirst(new Idle(connection.transport(), System.nanoTime()));
		permits.release();
	}

	void discard(Connection connection) {
		close(connection.transport());
		permits.release();
	}

	/** Closes connections idle for longer than {@code idleClose}. */
	void closeIdle() {
		long now = System.nanoTime();
		List<Idle> stale = new ArrayList<>();
		for (Iterator<Idle> it = idle.iterator(); it.hasNext();) {
			Idle i = it.next();
			if (now - i.since() > idleCloseNanos && idle.removeFirstOccurrence(i)) {
				stale.add(i);
			}
		}
		stale.forEach(i -> close(i.transport()));
	}

	int idleConnections() {
		return idle.size();
	}

	private Transport connect() throws MessagingException {
		Transport transport = server.getSession()
			.getTransport(server.getProtocol() == null ? "smtp" : server.getProtocol());
		transport.connect(server.getHost(), server.getPort(), server.getUsername(), server.getPassword());
		return transport;
	}

	private static void close(Transport transport) {
		try {
			transport.close();
		}
		catch (MessagingException e) {
			// the connection is gone either way
		}
	}

	@Override
	public void close() {
		for (Idle i = idle.pollFirst(); i != null; i = idle.pollFirst()) {
			close(i.transport());
		}
	}

}
