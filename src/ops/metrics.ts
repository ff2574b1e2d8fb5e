// Prometheus metrics for operators (prom-client): questions by channel, language and outcome, answer latency,
// errors by log event, and the index being served. One registry per app (not prom-client's global one), so
// tests and several apps in one process never share counters.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from '../log.js';
import type { AnswerService, AskRequest, AskResponse } from '../ports.js';

/** What /readyz and the index gauges read about the index being served. */
export interface IndexStatus {
  /** Generation folder name, e.g. gen-mx4slozj-00c1dd. */
  generation: string;
  documents: number;
  chunks: number;
  /** When this process loaded it (ms since the epoch). */
  loadedAt: number;
  /** Whether vectors are loaded (hybrid search) or keyword search only. */
  vectors: boolean;
}

export type Outcome = 'answered' | 'abstained' | 'error';

export interface BotMetrics {
  registry: Registry;
  /** Counts and times every question that goes through `service`. */
  instrument(service: AnswerService): AnswerService;
  /** A logger that also counts its error lines in bot_errors_total{event}. */
  countErrors(logger: Logger): Logger;
  /** Prometheus text exposition of every metric. */
  text(): Promise<string>;
  contentType: string;
}

/** Latency buckets in seconds: lexical answers take milliseconds, an LLM answer seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30];

export function createMetrics(indexStatus: () => IndexStatus | undefined): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const questions = new Counter({
    name: 'bot_questions_total',
    help: 'Questions answered, by channel, language and outcome (answered, abstained, error).',
    labelNames: ['channel', 'language', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'bot_answer_duration_seconds',
    help: 'Time from question to answer (retrieval + answering + logging), by channel and outcome.',
    labelNames: ['channel', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'bot_errors_total',
    help: 'Error log lines, by event (e.g. service.ask_failed, store.write_failed, telegram.send_failed).',
    labelNames: ['event'] as const,
    registers: [registry],
  });
  const indexGauge = (name: string, help: string, value: (s: IndexStatus) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const s = indexStatus();
        if (s) this.set(value(s));
      },
    });
  indexGauge('bot_index_chunks', 'Chunks in the index generation being served.', (s) => s.chunks);
  indexGauge('bot_index_documents', 'Documents in the index generation being served.', (s) => s.documents);
  indexGauge(
    'bot_index_loaded_timestamp_seconds',
    'When the index generation being served was loaded (Unix time); changes when ingest publishes a new one.',
    (s) => s.loadedAt / 1000,
  );
  new Gauge({
    name: 'bot_index_generation_info',
    help: 'The index generation being served (label generation), and whether it has vectors; value 1.',
    labelNames: ['generation', 'vectors'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const s = indexStatus();
      if (s) this.set({ generation: s.generation, vectors: String(s.vectors) }, 1);
    },
  });

  return {
    registry,
    contentType: registry.contentType,
    text: () => registry.metrics(),
    instrument(service: AnswerService): AnswerService {
      return {
        ...service,
        forget: (id) => service.forget(id),
        describe: () => service.describe(),
        async ask(request: AskRequest): Promise<AskResponse> {
          const channel = request.channel ?? 'unknown';
          const end = latency.startTimer({ channel });
          let response: AskResponse;
          try {
            response = await service.ask(request);
          } catch (error) {
            end({ outcome: 'error' });
            questions.inc({ channel, language: 'unknown', outcome: 'error' });
            throw error;
          }
          const outcome: Outcome = response.abstained ? 'abstained' : 'answered';
          end({ outcome });
          questions.inc({ channel, language: response.language, outcome });
          return response;
        },
      };
    },
    countErrors(logger: Logger): Logger {
      return {
        debug: (event, fields) => logger.debug(event, fields),
        info: (event, fields) => logger.info(event, fields),
        warn: (event, fields) => logger.warn(event, fields),
        error: (event, fields) => {
          errors.inc({ event });
          logger.error(event, fields);
        },
      };
    },
  };
}
