-- Where the visit's media room is: the control API of the media-service instance signaling placed it on
-- (recording.requested's optional mediaControlUrl), which capture asks to fork the room's media. Null when
-- the request did not say (a signaling that predates the field): capture uses recording.media.default-control-url.
alter table recording add column media_control_url text;
