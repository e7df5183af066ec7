import { SessionEndedError } from './auth.js';

/**
 * A refusal of the scheduling API, from its RFC 9457 problem+json body: `detail` for people and
 * `fieldErrors` ([{field, message}]) to show next to the inputs. Status 0: the service was not reached.
 */
export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.detail || problem.title || `The service answered HTTP ${status}.`);
    this.status = status;
    this.title = problem.title || '';
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

/** The scheduling-service REST API (same origin), called with the doctor's bearer token. */
export class Api {
  #session;

  constructor(session) {
    this.#session = session;
  }

  get(path, query) {
    return this.request('GET', query ? `${path}?${new URLSearchParams(query)}` : path);
  }

  post(path, body) {
    return this.request('POST', path, body);
  }

  put(path, body) {
    return this.request('PUT', path, body);
  }

  async request(method, path, body) {
    let response;
    try {
      response = await this.#send(method, path, body, await this.#session.accessToken());
      if (response.status === 401) {
        // Revoked or expired early (clock skew): one refresh, one retry.
        await this.#session.refresh();
        response = await this.#send(method, path, body, await this.#session.accessToken());
      }
    } catch (error) {
      if (error instanceof SessionEndedError || error instanceof ApiError) {
        throw error;
      }
      throw new ApiError(0, { detail: 'The scheduling service cannot be reached. Check the connection and try again.' });
    }
    if (response.ok) {
      return response.status === 204 ? null : response.json();
    }
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem);
  }

  #send(method, path, body, token) {
    const headers = { Accept: 'application/json', Authorization: `Bearer ${token}` };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  }
}
