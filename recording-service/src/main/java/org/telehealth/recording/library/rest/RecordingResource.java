package org.telehealth.recording.library.rest;

import static org.telehealth.recording.persistence.BlockingTransactions.await;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.telehealth.recording.audit.AuditAction;
import org.telehealth.recording.audit.ClientAddress;
import org.telehealth.recording.encryption.RecordingIntegrityException;
import org.telehealth.recording.identity.CurrentCaller;
import org.telehealth.recording.library.service.ContentStreamer;
import org.telehealth.recording.library.service.Playback;
import org.telehealth.recording.library.service.RangeRequest;
import org.telehealth.recording.library.service.RecordingLibrary;
import org.telehealth.recording.library.service.Requester;
import org.telehealth.recording.lifecycle.repository.Recording;
import org.telehealth.recording.problem.ProblemException;
import org.telehealth.recording.storage.RecordingStorage;

/**
 * The recordings API: list a visit's recordings, read one's record, play its video (decrypted on the
 * fly, with HTTP range requests so that a browser's player can seek) and delete it. Every call is
 * audited (see {@link RecordingLibrary}); who may do what is in {@code RecordingAccess}.
 */
@Path("/api")
@Authenticated
@Tag(name = "Recordings")
public class RecordingResource {

    private static final Logger LOG = Logger.getLogger(RecordingResource.class);
    static final String WEBM = "video/webm";

    private final RecordingLibrary library;
    private final ContentStreamer streamer;
    private final RecordingStorage storage;
    private final CurrentCaller caller;
    private final ClientAddress addresses;

    public RecordingResource(RecordingLibrary library, ContentStreamer streamer, RecordingStorage storage, CurrentCaller caller,
            ClientAddress addresses) {
        this.library = library;
        this.streamer = streamer;
        this.storage = storage;
        this.caller = caller;
        this.addresses = addresses;
    }

    @GET
    @Path("/visits/{visitId}/recordings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The recordings of a visit the caller may see, oldest first")
    @APIResponse(responseCode = "200", description = "The recordings, with participants and consent decisions")
    @APIResponse(responseCode = "404", description = "No recording of this visit is the caller's to see (or none exists)")
    public Uni<List<RecordingView>> ofVisit(@PathParam("visitId") UUID visitId, @Context HttpServerRequest request) {
        return library.listOfVisit(requester(request), visitId)
                .map(access -> access.orElseThrow().stream().map(RecordingView::of).toList());
    }

    @GET
    @Path("/recordings/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One recording: request, participants, consent decisions, status, size and checksum")
    @APIResponse(responseCode = "200", description = "The recording")
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's to see")
    public Uni<RecordingView> get(@PathParam("id") UUID id, @Context HttpServerRequest request) {
        return library.view(requester(request), id).map(access -> RecordingView.of(access.orElseThrow()));
    }

    @GET
    @Path("/recordings/{id}/content")
    @Produces(WEBM)
    @Blocking
    @Operation(summary = "The recording's video (WebM), decrypted as it is sent; supports one byte range (Range: bytes=a-b, a-, -n)")
    @APIResponse(responseCode = "200", description = "The whole video")
    @APIResponse(responseCode = "206", description = "The range asked for, with Content-Range")
    @APIResponse(responseCode = "409", description = "The recording has no content (not completed)")
    @APIResponse(responseCode = "410", description = "The recording was deleted")
    @APIResponse(responseCode = "416", description = "The range lies outside the video")
    public Response content(@PathParam("id") UUID id, @HeaderParam("Range") String range, @Context HttpServerRequest request) {
        Requester requester = requester(request);
        Playback playback = await(() -> library.play(requester, id, range)).orElseThrow();
        ContentStreamer.OpenedRange opened;
        try {
            opened = streamer.open(playback);
        } catch (IOException | RuntimeException e) {
            await(() -> library.failed(requester, AuditAction.PLAY, id, 500, e.getClass().getSimpleName()));
            throw unreadable(e);
        }
        RangeRequest served = playback.range();
        Response.ResponseBuilder response = Response.status(served.kind() == RangeRequest.Kind.PARTIAL ? 206 : 200)
                .entity((StreamingOutput) opened::writeTo)
                .type(WEBM)
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", Long.toString(served.servedLength()))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        if (served.kind() == RangeRequest.Kind.PARTIAL) {
            response.header("Content-Range", served.contentRange());
        }
        return response.build();
    }

    @DELETE
    @Path("/recordings/{id}")
    @Operation(summary = "Deletes the recording's content (crypto-shred: the file holding its wrapped data key is deleted); the record stays, marked deleted by whom and when")
    @APIResponse(responseCode = "204", description = "Deleted (or already deleted)")
    @APIResponse(responseCode = "403", description = "Only the visit's doctor or an admin may delete")
    @APIResponse(responseCode = "409", description = "The recording is not completed (stop it first)")
    @Blocking
    public void delete(@PathParam("id") UUID id, @Context HttpServerRequest request) {
        Requester requester = requester(request);
        Recording recording = await(() -> library.authorizeDelete(requester, id)).orElseThrow();
        try {
            if (recording.storageKey != null) {
                storage.delete(recording.storageKey);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("recording %s could not be deleted from the storage (%s)", id, e.getClass().getSimpleName());
            await(() -> library.failed(requester, AuditAction.DELETE, id, 503, e.getClass().getSimpleName()));
            throw new ProblemException(503, "Storage unavailable", "the recording could not be deleted now; try again");
        }
        await(() -> library.markDeleted(id, requester.caller().userId()));
    }

    private static ProblemException unreadable(Throwable e) {
        if (e instanceof RecordingIntegrityException) {
            return new ProblemException(500, "Recording damaged", "the recording failed its integrity check and is not served");
        }
        LOG.warnf("a recording could not be opened (%s)", e.getClass().getSimpleName());
        return new ProblemException(503, "Storage unavailable", "the recording cannot be read now; try again");
    }

    private Requester requester(HttpServerRequest request) {
        String peer = request.remoteAddress() != null ? request.remoteAddress().hostAddress() : null;
        return new Requester(caller.get(), addresses.resolve(peer, request.getHeader("X-Forwarded-For")));
    }
}
