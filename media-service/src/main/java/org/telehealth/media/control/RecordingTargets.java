package org.telehealth.media.control;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a recording fork may send to the address the control API was given: a host name
 * or IP literal and a port, resolved once here (the fork sends to the address checked, so a name
 * that later resolves elsewhere changes nothing), inside one of the allowed networks
 * ({@code media.recording.allowed-targets}), never a wildcard, multicast or broadcast address.
 * Without that check the control API could point a room's media at anyone.
 */
public final class RecordingTargets {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,253}");
    private static final byte[] BROADCAST = {(byte) 255, (byte) 255, (byte) 255, (byte) 255};

    private final List<AddressBlock> allowed;

    /** @throws IllegalArgumentException if a block is malformed */
    public RecordingTargets(List<String> allowedBlocks) {
        this.allowed = allowedBlocks.stream().filter(block -> !block.isBlank()).map(AddressBlock::parse).toList();
    }

    /**
     * The address to send to.
     *
     * @throws ControlException 400 for a malformed or unknown host or a port outside 1..65535, 403
     *         for an address outside the allowed networks
     */
    public InetSocketAddress resolve(String host, Integer port) {
        if (host == null || !HOST.matcher(host).matches()) {
            throw ControlException.badRequest("host is a host name or an IP address literal (letters, digits, '.', ':', '-')");
        }
        if (port == null || port < 1 || port > 65_535) {
            throw ControlException.badRequest("port is 1 to 65535");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw ControlException.badRequest("host " + host + " does not resolve");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()
                || java.util.Arrays.equals(address.getAddress(), BROADCAST)
                || allowed.stream().noneMatch(block -> block.contains(address))) {
            throw ControlException.forbidden("recordings may not be sent to " + address.getHostAddress()
                    + ": it is outside media.recording.allowed-targets");
        }
        return new InetSocketAddress(address, port);
    }
}
