export * from '@langchain/openai';
